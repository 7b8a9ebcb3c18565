package dk.tilsynsspor.query.bench;

import org.springframework.boot.SpringBootVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine, the versions and the PostgreSQL settings a run was measured with. */
final class Machine {

    private static final List<String> POSTGRES_SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes",
            "wal_level", "shared_buffers", "max_wal_size", "commit_delay", "max_connections");

    private Machine() {
    }

    static Map<String, Object> describe(Benchmark.Settings settings) throws SQLException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", cpuModel());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory", memory());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("springBoot", SpringBootVersion.getVersion());
        machine.put("axonFramework", System.getProperty("bench.axon-version", "unknown"));
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(),
                System.getProperty("bench.jdbc.password", "")); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT version()")) {
                rows.next();
                machine.put("postgresql", rows.getString(1));
            }
            Map<String, String> postgres = new LinkedHashMap<>();
            for (String setting : POSTGRES_SETTINGS) {
                try (ResultSet rows = statement.executeQuery("SHOW " + setting)) {
                    rows.next();
                    postgres.put(setting, rows.getString(1));
                }
            }
            machine.put("postgresqlSettings", postgres);
            if (!"on".equals(postgres.get("fsync")) || !"on".equals(postgres.get("synchronous_commit"))) {
                throw new IllegalStateException("the benchmark needs durable settings (fsync and synchronous_commit "
                        + "on), the server has " + postgres);
            }
        }
        return machine;
    }

    private static String cpuModel() {
        return lines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }

    private static String memory() {
        return lines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
