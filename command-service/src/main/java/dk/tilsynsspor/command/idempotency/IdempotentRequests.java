package dk.tilsynsspor.command.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * The answers given to requests that carried an {@code Idempotency-Key}, per actor, and the fingerprint of the
 * request each key was first used for. This table only saves work and tells a reused key: whether a command was
 * applied is decided by the aggregate, from the key its events carry (ADR 18), so a request whose answer was never
 * stored here (its instance died) runs again and gets its first answer from the aggregate.
 */
@Repository
class IdempotentRequests {

    sealed interface Claim permits Claimed, Replay, Mismatch {
    }

    record Claimed() implements Claim {
    }

    record Replay(int status, String location, String body) implements Claim {
    }

    record Mismatch() implements Claim {
    }

    private final JdbcTemplate jdbc;

    IdempotentRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The key for this request: new, or seen with this request and not yet answered (still running elsewhere, or its
     * instance died), both {@link Claimed}; answered ({@link Replay}); or seen with another request.
     */
    Claim claim(String actorId, String key, String requestHash) {
        int inserted = jdbc.update("""
                INSERT INTO command.idempotent_request (actor_id, key, request_hash) VALUES (?, ?, ?)
                ON CONFLICT (actor_id, key) DO NOTHING""", actorId, key, requestHash);
        if (inserted == 1) {
            return new Claimed();
        }
        List<Claim> existing = jdbc.query("""
                SELECT request_hash, status, location, body FROM command.idempotent_request
                WHERE actor_id = ? AND key = ?""", (rs, row) -> {
            if (!rs.getString("request_hash").equals(requestHash)) {
                return new Mismatch();
            }
            int status = rs.getInt("status");
            return rs.wasNull() ? new Claimed()
                    : new Replay(status, rs.getString("location"), rs.getString("body"));
        }, actorId, key);
        return existing.isEmpty() ? claim(actorId, key, requestHash) : existing.get(0);
    }

    void complete(String actorId, String key, String requestHash, int status, String location, String body) {
        jdbc.update("""
                INSERT INTO command.idempotent_request (actor_id, key, request_hash, status, location, body)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (actor_id, key) DO UPDATE SET status = excluded.status, location = excluded.location,
                    body = excluded.body
                WHERE command.idempotent_request.request_hash = excluded.request_hash""",
                actorId, key, requestHash, status, location, body);
    }

    void release(String actorId, String key) {
        jdbc.update("DELETE FROM command.idempotent_request WHERE actor_id = ? AND key = ? AND status IS NULL",
                actorId, key);
    }
}
