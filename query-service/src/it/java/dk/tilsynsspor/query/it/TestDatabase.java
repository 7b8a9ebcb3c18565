package dk.tilsynsspor.query.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database for one test run: on the PostgreSQL server named by the system property {@code it.jdbc.url}
 * (a JDBC URL of any database there; user {@code it.jdbc.user}, default postgres), or else on an embedded
 * PostgreSQL started for the run.
 */
public final class TestDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name = "tilsynsspor_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    /** Drops a server's database when this JVM exits before {@link #close()}: an interrupted run leaves none. */
    private final Thread dropOnExit;

    private TestDatabase(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        execute("CREATE DATABASE " + name);
        dropOnExit = embedded == null ? ExitHooks.add(name + "-drop-on-exit", this::drop) : null;
    }

    public static TestDatabase create() {
        String serverUrl = System.getProperty("it.jdbc.url", "");
        if (!serverUrl.isBlank()) {
            return new TestDatabase(null, serverUrl, System.getProperty("it.jdbc.user", "postgres"),
                    System.getProperty("it.jdbc.password", ""));
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new TestDatabase(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean onServer() {
        return embedded == null;
    }

    /** The JDBC URL of this run's database. */
    public String url() {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + parameters;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    /** One statement on the system's database, as a test that tampers or loses a write makes it. */
    public void run(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + adminUrl, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        } else {
            drop();
            ExitHooks.remove(dropOnExit);
        }
    }

    /** On a server: the database goes, whoever is still connected to it. */
    private void drop() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
