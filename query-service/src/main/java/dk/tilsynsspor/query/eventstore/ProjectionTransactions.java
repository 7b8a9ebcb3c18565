package dk.tilsynsspor.query.eventstore;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The processors' transactions: each commits without waiting for PostgreSQL to flush it to disk
 * ({@code SET LOCAL synchronous_commit = off}, ADR 21). What a processor writes is derived from the events, and its
 * token commits in the same transaction: should the database crash before the flush, both go back together to an
 * earlier batch and the processor projects those events again. Nothing a person entered is written here (read marks,
 * for one, are written by the pages' own transactions, which wait for the flush as always).
 */
public final class ProjectionTransactions implements TransactionManager {

    private final TransactionManager delegate;
    private final JdbcTemplate jdbc;

    public ProjectionTransactions(TransactionManager delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        try {
            jdbc.execute("SET LOCAL synchronous_commit = off");
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        return transaction;
    }
}
