package dk.tilsynsspor.command.idempotency;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.List;

/**
 * The answers given to requests that carried an {@code Idempotency-Key}, per actor. A key is claimed before the
 * command runs, so two concurrent requests with one key cannot both run it.
 */
@Repository
class IdempotentRequests {

    /** A claim whose request never finished (its process died) may be taken over after this long. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    sealed interface Claim permits Claimed, Replay, InProgress, Mismatch {
    }

    record Claimed() implements Claim {
    }

    record Replay(int status, String location, String body) implements Claim {
    }

    record InProgress() implements Claim {
    }

    record Mismatch() implements Claim {
    }

    private final JdbcTemplate jdbc;

    IdempotentRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Claim claim(String actorId, String key, String requestHash) {
        jdbc.update("DELETE FROM command.idempotent_request WHERE actor_id = ? AND key = ? AND status IS NULL"
                + " AND created_at < now() - make_interval(secs => ?)", actorId, key, ABANDONED_AFTER.toSeconds());
        try {
            jdbc.update("INSERT INTO command.idempotent_request (actor_id, key, request_hash) VALUES (?, ?, ?)",
                    actorId, key, requestHash);
            return new Claimed();
        } catch (DuplicateKeyException taken) {
            List<Claim> existing = jdbc.query("""
                    SELECT request_hash, status, location, body FROM command.idempotent_request
                    WHERE actor_id = ? AND key = ?""", (rs, row) -> {
                if (!rs.getString("request_hash").equals(requestHash)) {
                    return new Mismatch();
                }
                int status = rs.getInt("status");
                return rs.wasNull() ? new InProgress()
                        : new Replay(status, rs.getString("location"), rs.getString("body"));
            }, actorId, key);
            return existing.isEmpty() ? claim(actorId, key, requestHash) : existing.get(0);
        }
    }

    void complete(String actorId, String key, int status, String location, String body) {
        jdbc.update("UPDATE command.idempotent_request SET status = ?, location = ?, body = ?"
                + " WHERE actor_id = ? AND key = ?", status, location, body, actorId, key);
    }

    void release(String actorId, String key) {
        jdbc.update("DELETE FROM command.idempotent_request WHERE actor_id = ? AND key = ? AND status IS NULL",
                actorId, key);
    }
}
