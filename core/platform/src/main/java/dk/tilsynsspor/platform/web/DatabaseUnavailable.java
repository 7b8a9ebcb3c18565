package dk.tilsynsspor.platform.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * A failure because the database cannot be reached (no connection within the pool's timeout, a connection lost, the
 * server shutting down): answered 503 with {@code Retry-After}, since nothing was recorded and the same request
 * may succeed once the database is back.
 */
public final class DatabaseUnavailable {

    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exception, or the server shutting down or restarting
            }
        }
        return false;
    }

    public static ProblemDetail problem() {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "Database unavailable", "The database cannot be reached just now; nothing was changed. "
                        + "Send the request again in a little while.");
    }

    public static ResponseEntity<ProblemDetail> response() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS)).body(problem());
    }
}
