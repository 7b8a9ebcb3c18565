package dk.tilsynsspor.platform.jdbc;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Axon's connections from Spring's current transaction (as Axon's {@code SpringDataSourceConnectionProvider} gives
 * them), handed back at most once.
 *
 * <p>Axon keeps the connection a unit of work first asked for and hands it back when the unit of work is cleaned up,
 * which is after Spring's transaction has ended and returned that connection to the pool. Axon's own provider then
 * closes it a second time. With HikariCP that second close is not harmless: a pooled connection's list of open
 * statements belongs to the pool entry, not to one borrower, and closing an already closed connection empties that
 * list, by then the list of whichever thread borrowed the entry next. That thread's statements were dropped from the
 * pool's care and, when it closed one at that moment, both threads failed with an
 * {@code ArrayIndexOutOfBoundsException} from HikariCP's {@code FastList} (seen once in CI: a command failed and the
 * append notifier's thread ended). Here a connection that is already closed is left alone; one still open is released
 * as Spring releases any (to its transaction if it belongs to one, else to the pool). ADR 26.
 */
public final class TransactionBoundConnections implements ConnectionProvider {

    private final DataSource dataSource;
    private final ConnectionWrapperFactory.ConnectionCloseHandler closeHandler;

    public TransactionBoundConnections(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.closeHandler = new ReleasedOnce(dataSource);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return ConnectionWrapperFactory.wrap(DataSourceUtils.doGetConnection(dataSource), closeHandler);
    }

    private record ReleasedOnce(DataSource dataSource) implements ConnectionWrapperFactory.ConnectionCloseHandler {

        @Override
        public void close(Connection connection) {
            boolean closed;
            try {
                closed = connection.isClosed();
            } catch (SQLException e) {
                closed = false; // cannot tell: released as usual, as Axon's own provider would
            }
            if (!closed) {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        /** A connection of Spring's transaction is committed by that transaction, never by Axon. */
        @Override
        public void commit(Connection connection) throws SQLException {
            if (!DataSourceUtils.isConnectionTransactional(connection, dataSource)) {
                connection.commit();
            }
        }
    }
}
