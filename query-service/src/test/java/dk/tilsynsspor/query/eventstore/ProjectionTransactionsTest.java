package dk.tilsynsspor.query.eventstore;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processors' transactions commit without waiting for the flush, and only they: the setting is the
 * transaction's own, and what they write commits (or rolls back) as in any other transaction.
 */
class ProjectionTransactionsTest {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static SpringTransactionManager transactions;

    @BeforeAll
    static void start() throws Exception {
        // as the service's own embedded database and any server run it (the library's default is off)
        postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
        // one connection for every transaction, as a pool hands the same connection on: the setting must not stay
        DataSource dataSource = new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"),
                "postgres", "", true);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE projected (n INT)");
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aProcessorsTransactionDoesNotWaitForTheFlushAndOthersStillDo() {
        ProjectionTransactions projection = new ProjectionTransactions(transactions, jdbc);

        Transaction projecting = projection.startTransaction();
        String inProjection;
        try {
            inProjection = jdbc.queryForObject("SHOW synchronous_commit", String.class);
            jdbc.update("INSERT INTO projected VALUES (1)");
        } finally {
            projecting.commit();
        }
        Transaction other = transactions.startTransaction();
        String elsewhere;
        try {
            elsewhere = jdbc.queryForObject("SHOW synchronous_commit", String.class);
        } finally {
            other.commit();
        }

        assertThat(inProjection).isEqualTo("off");
        assertThat(elsewhere).isEqualTo("on");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM projected WHERE n = 1", Integer.class)).isEqualTo(1);
    }

    @Test
    void whatARolledBackProcessorTransactionWroteIsGone() {
        Transaction projecting = new ProjectionTransactions(transactions, jdbc).startTransaction();
        try {
            jdbc.update("INSERT INTO projected VALUES (2)");
        } finally {
            projecting.rollback();
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM projected WHERE n = 2", Integer.class)).isZero();
    }
}
