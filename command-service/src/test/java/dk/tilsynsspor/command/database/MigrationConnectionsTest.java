package dk.tilsynsspor.command.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationConnectionsTest {

    private static EmbeddedPostgres postgres;
    private static HikariDataSource pool;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setPassword("");
        pool.setMaximumPoolSize(1);
        pool.addDataSourceProperty("ApplicationName", "tilsynsspor-test"); // a driver setting, as SSL's would be
        // as application.yml sets it for every pooled connection
        pool.setConnectionInitSql("SET statement_timeout = '60s'; SET idle_in_transaction_session_timeout = '60s'");
    }

    @AfterAll
    static void stop() throws Exception {
        pool.close();
        postgres.close();
    }

    @Test
    void migrationsRunOnTheSameDatabaseWithoutThePoolsTimeouts() throws SQLException {
        FluentConfiguration flyway = new FluentConfiguration().dataSource(pool);

        new MigrationConnections().migrationsWithoutTheCommandsTimeouts().customize(flyway);

        DataSource migrations = flyway.getDataSource();
        assertThat(migrations).isNotSameAs(pool);
        assertThat(answer(pool, "SHOW statement_timeout")).isEqualTo("1min");
        assertThat(answer(pool, "SHOW idle_in_transaction_session_timeout")).isEqualTo("1min");
        assertThat(answer(migrations, "SHOW statement_timeout")).as("a migration may take as long as it needs")
                .isEqualTo("0");
        assertThat(answer(migrations, "SHOW idle_in_transaction_session_timeout")).isEqualTo("0");
        assertThat(answer(migrations, "SELECT current_user")).isEqualTo(answer(pool, "SELECT current_user"));
        assertThat(answer(migrations, "SHOW port")).isEqualTo(String.valueOf(postgres.getPort()));
        assertThat(answer(migrations, "SHOW application_name")).as("the driver's settings kept")
                .isEqualTo("tilsynsspor-test");
    }

    private static String answer(DataSource dataSource, String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }
}
