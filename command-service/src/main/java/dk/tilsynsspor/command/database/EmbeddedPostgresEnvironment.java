package dk.tilsynsspor.command.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The embedded default: when no {@code spring.datasource.url} is configured, start a real PostgreSQL from Maven
 * Central's binaries, keep its data directory across restarts and point the data source at it. It is stopped after
 * every other bean is gone, so processors and schedulers shut down against a live database.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

    static final String ENABLED = "tilsynsspor.embedded-postgres.enabled";
    static final String DATA_DIR = "tilsynsspor.embedded-postgres.data-dir";
    static final String PORT = "tilsynsspor.embedded-postgres.port";
    static final String DATABASE = "tilsynsspor";

    private final Log log;

    public EmbeddedPostgresEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean serverConfigured = !environment.getProperty("spring.datasource.url", "").isBlank();
        if (serverConfigured || !environment.getProperty(ENABLED, Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty(DATA_DIR, ".data/postgres")).toAbsolutePath().normalize();
        int port = environment.getProperty(PORT, Integer.class, 54320);
        EmbeddedPostgres postgres = start(dataDir, port);
        createDatabaseIfMissing(postgres);
        String url = postgres.getJdbcUrl("postgres", DATABASE);
        log.info("Embedded PostgreSQL listening on " + url + ", data in " + dataDir);
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "tilsynsspor.embedded-postgres.url", url,
                "tilsynsspor.embedded-postgres.location", dataDir.toString(),
                "tilsynsspor.embedded-default", "true")));
        application.addInitializers(context -> closeLast(context, postgres));
    }

    private static EmbeddedPostgres start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDir
                    + " on port " + port + " (is another instance using it?)", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + DATABASE, e);
        }
    }

    /** Disposable beans are destroyed in reverse order of registration: registered first, it goes last. */
    private static void closeLast(ConfigurableApplicationContext context, EmbeddedPostgres postgres) {
        var beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
        beanFactory.registerSingleton("embeddedPostgres", postgres);
        beanFactory.registerDisposableBean("embeddedPostgres", postgres::close);
    }
}
