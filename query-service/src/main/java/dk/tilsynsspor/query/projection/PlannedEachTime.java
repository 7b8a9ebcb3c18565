package dk.tilsynsspor.query.projection;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.SqlProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A statement that PostgreSQL plans for its arguments and its tables as they are at each execution, never from a plan
 * cached while a table was smaller. The JDBC driver prepares a statement on the server after its fifth execution,
 * and PostgreSQL may then keep one generic plan for it for the connection's life, until an {@code ANALYZE} of its
 * table invalidates it. For a read by a list of keys ({@code = ANY(?)}) whose table a rebuild has just emptied, that
 * plan is a sequential scan (the cheapest while the table is empty, whatever the list's length) and stays one while the
 * rebuild fills the table: seen in the benchmark, where the trail's read of a batch's order summaries scanned the
 * whole table once per batch, a third of PostgreSQL's time in a rebuild of 1,000,000 events. Sent unnamed, the
 * statement is planned each time (some tens of microseconds) and reads by the index. The event store's tracking
 * reads are sent the same way (query-service's {@code PlannedAsTheStoreIs}).
 */
public final class PlannedEachTime implements PreparedStatementCreator, SqlProvider {

    private final String sql;
    private final Object[] arguments;

    private PlannedEachTime(String sql, Object[] arguments) {
        this.sql = sql;
        this.arguments = arguments.clone();
    }

    /** {@code sql} with {@code arguments}, planned at each execution. */
    public static PlannedEachTime statement(String sql, Object... arguments) {
        return new PlannedEachTime(sql, arguments);
    }

    /** The statement is sent unnamed each time, so the server plans it for the tables it has now. */
    public static PreparedStatement plannedEachTime(PreparedStatement statement) throws SQLException {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }

    @Override
    public PreparedStatement createPreparedStatement(Connection connection) throws SQLException {
        PreparedStatement statement = plannedEachTime(connection.prepareStatement(sql));
        new ArgumentPreparedStatementSetter(arguments).setValues(statement);
        return statement;
    }

    @Override
    public String getSql() {
        return sql;
    }

    /** The statement's arguments, in order. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
