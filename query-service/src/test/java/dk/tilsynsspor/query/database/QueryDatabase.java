package dk.tilsynsspor.query.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * An embedded PostgreSQL with query-service's own migrations, for tests of the read models' SQL on a real database:
 * registered as a test class's extension ({@code @RegisterExtension static final QueryDatabase database = new
 * QueryDatabase();}), started with schema {@code query} migrated before the class's tests and stopped after them.
 * Each test works in a {@link Transaction} of its own that is rolled back after it, so the transaction's own
 * counters ({@code pg_stat_xact_user_tables}) count only what the test did.
 */
public final class QueryDatabase implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).schemas("query").createSchemas(true).load()
                .migrate();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        postgres.close();
    }

    /** A connection in an open transaction. */
    public Transaction transaction() throws SQLException {
        Connection connection = postgres.getPostgresDatabase().getConnection();
        connection.setAutoCommit(false);
        return new Transaction(connection);
    }

    /** One connection in one open transaction, rolled back when closed. */
    public static final class Transaction implements AutoCloseable {

        private final Connection connection;
        private final JdbcTemplate jdbc;

        private Transaction(Connection connection) {
            this.connection = connection;
            this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        }

        public JdbcTemplate jdbc() {
            return jdbc;
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }
}
