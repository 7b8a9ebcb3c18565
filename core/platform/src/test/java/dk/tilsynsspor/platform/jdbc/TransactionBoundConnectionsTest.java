package dk.tilsynsspor.platform.jdbc;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionBoundConnectionsTest {

    private final Pool pool = new Pool();

    @ParameterizedTest(name = "rolled back: {0}")
    @ValueSource(booleans = {false, true})
    void aUnitOfWorksConnectionIsHandedBackOnceWhetherItCommitsOrRollsBack(boolean rollBack) throws SQLException {
        runUnitOfWork(new UnitOfWorkAwareConnectionProviderWrapper(new TransactionBoundConnections(pool.dataSource())),
                rollBack);

        assertThat(pool.borrowed()).hasSize(1);
        assertThat(pool.borrowed().get(0).closes.get()).isEqualTo(1);
    }

    /**
     * Why this provider exists: Axon's own closes the connection again at the unit of work's cleanup, after Spring's
     * transaction gave it back to the pool (HikariCP then empties the next borrower's statement list). Should Axon
     * stop doing so, this fails, and the provider can go.
     */
    @Test
    void axonsOwnProviderHandsTheConnectionBackTwice() throws SQLException {
        runUnitOfWork(new UnitOfWorkAwareConnectionProviderWrapper(
                new SpringDataSourceConnectionProvider(pool.dataSource())), false);

        assertThat(pool.borrowed().get(0).closes.get()).isEqualTo(2);
    }

    @Test
    void outsideATransactionClosingReturnsTheConnectionToThePoolOnce() throws SQLException {
        Connection connection = new TransactionBoundConnections(pool.dataSource()).getConnection();
        connection.close();
        connection.close();

        assertThat(pool.borrowed()).hasSize(1);
        assertThat(pool.borrowed().get(0).closes.get()).isEqualTo(1);
    }

    @Test
    void insideATransactionClosingLeavesTheConnectionToTheTransaction() {
        TransactionBoundConnections connections = new TransactionBoundConnections(pool.dataSource());
        new TransactionTemplate(new DataSourceTransactionManager(pool.dataSource())).executeWithoutResult(status -> {
            try {
                connections.getConnection().close();
                assertThat(pool.borrowed().get(0).closes.get()).isZero();
                assertThat(connections.getConnection().isClosed()).isFalse();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(pool.borrowed()).hasSize(1);
        assertThat(pool.borrowed().get(0).closes.get()).isEqualTo(1);
        assertThat(pool.borrowed().get(0).commits.get()).isEqualTo(1);
    }

    /** A command's unit of work as Axon runs it: Spring's transaction attached, the connection asked for inside. */
    private void runUnitOfWork(ConnectionProvider connections, boolean rollBack) throws SQLException {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("command"));
        unitOfWork.attachTransaction(new SpringTransactionManager(new DataSourceTransactionManager(pool.dataSource())));
        Connection connection = connections.getConnection();
        connection.createStatement();
        connection.close();
        assertThat(connections.getConnection()).isSameAs(connection); // one connection per unit of work
        if (rollBack) {
            unitOfWork.rollback();
        } else {
            unitOfWork.commit();
        }
    }

    /** A pool that lends a new connection each time and counts each one's closes, closed as HikariCP's are. */
    private static final class Pool {

        private final List<Lent> borrowed = new ArrayList<>();
        private final DataSource dataSource = lending();

        List<Lent> borrowed() {
            return borrowed;
        }

        DataSource dataSource() {
            return dataSource;
        }

        private DataSource lending() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getConnection" -> {
                            Lent lent = new Lent();
                            borrowed.add(lent);
                            yield lent.connection();
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "pool";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private static final class Lent {

        final AtomicInteger closes = new AtomicInteger();
        final AtomicInteger commits = new AtomicInteger();
        private boolean autoCommit = true;

        Connection connection() {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "close" -> {
                            closes.incrementAndGet();
                            yield null;
                        }
                        case "isClosed" -> closes.get() > 0;
                        case "getAutoCommit" -> autoCommit;
                        case "setAutoCommit" -> {
                            autoCommit = (Boolean) args[0];
                            yield null;
                        }
                        case "commit" -> {
                            commits.incrementAndGet();
                            yield null;
                        }
                        case "createStatement" -> null;
                        case "rollback", "setReadOnly", "clearWarnings" -> null;
                        case "isReadOnly" -> false;
                        case "getTransactionIsolation" -> Connection.TRANSACTION_READ_COMMITTED;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "lent connection";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
