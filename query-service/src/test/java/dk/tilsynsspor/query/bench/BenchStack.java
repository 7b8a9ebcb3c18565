package dk.tilsynsspor.query.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tilsynsspor.query.it.Api;
import dk.tilsynsspor.query.it.ServiceProcess;
import dk.tilsynsspor.query.it.TestDatabase;
import dk.tilsynsspor.query.it.Tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/** Both services, as separate processes with bearer-token identity, on a fresh database of the PostgreSQL server. */
final class BenchStack implements AutoCloseable {

    /** Where the projection stands: its position in the global index, and whether it is rebuilding. */
    record Progress(long position, boolean replaying) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROCESSOR = "order-trail";

    final TestDatabase database = TestDatabase.create();
    final Tokens tokens = new Tokens();
    final ServiceProcess commandService;
    final ServiceProcess queryService;

    BenchStack(Map<String, String> settings) {
        if (!database.onServer()) {
            throw new IllegalStateException("the benchmark runs on a PostgreSQL server: set -Dbench.jdbc.url");
        }
        Map<String, String> environment = new HashMap<>(settings);
        environment.putAll(Map.of(
                "SPRING_DATASOURCE_URL", database.url(),
                "SPRING_DATASOURCE_USERNAME", database.user(),
                "SPRING_DATASOURCE_PASSWORD", database.password(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION",
                "file:" + tokens.publicKey().toAbsolutePath()));
        commandService = new ServiceProcess("command-service",
                Path.of("..", "command-service", "target", "command-service.jar"), recorded(environment,
                "command-service"));
        queryService = new ServiceProcess("query-service", Path.of("target", "query-service.jar"),
                recorded(environment, "query-service"));
        commandService.start();
        queryService.start();
    }

    /** With {@code bench.jfr} (a folder), each service process keeps a flight recording there. */
    private static Map<String, String> recorded(Map<String, String> environment, String service) {
        String recordings = System.getProperty("bench.jfr", "");
        if (recordings.isBlank()) {
            return environment;
        }
        Map<String, String> recorded = new HashMap<>(environment);
        recorded.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                + Path.of(recordings).toAbsolutePath().resolve(service + "-" + System.nanoTime() + ".jfr"));
        return recorded;
    }

    Api commands(LongConsumer latencies) {
        return new Api(commandService.baseUrl(), tokens, latencies);
    }

    Api queries(LongConsumer latencies) {
        return new Api(queryService.baseUrl(), tokens, latencies);
    }

    Connection connect() throws SQLException {
        return database.connect();
    }

    long head() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT coalesce(max(globalIndex), 0) FROM "
                     + "events.domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Read from the projection's token, as query-service stored it. */
    Progress progress() throws SQLException, IOException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT tokenType, token FROM query.token_entry "
                     + "WHERE processorName = '" + PROCESSOR + "'")) {
            long position = -1;
            boolean replaying = false;
            while (rows.next()) { // one row per segment: the slowest segment counts
                byte[] token = rows.getBytes(2);
                JsonNode tree = token == null ? null : JSON.readTree(new String(token, StandardCharsets.UTF_8));
                replaying |= rows.getString(1) != null && rows.getString(1).endsWith("ReplayToken");
                JsonNode current = tree != null && tree.has("currentToken") ? tree.get("currentToken") : tree;
                long index = current == null || current.isNull() || !current.has("index") ? -1
                        : current.get("index").asLong();
                position = position == -1 ? index : Math.min(position, index);
            }
            return new Progress(position, replaying);
        }
    }

    /** Waits until query-service has projected everything stored; returns how long that took. */
    Duration awaitCaughtUp(Duration limit) throws Exception {
        long head = head();
        long started = System.nanoTime();
        while (true) {
            Progress progress = progress();
            if (progress.position() >= head) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            if (System.nanoTime() - started > limit.toNanos()) {
                throw new IllegalStateException("query-service at " + progress + " of " + head + " after " + limit);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws IOException {
        queryService.stop();
        commandService.stop();
        database.close();
    }
}
