package dk.tilsynsspor.query.trail;

import com.fasterxml.jackson.core.JsonProcessingException;
import dk.tilsynsspor.query.eventstore.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads one order's trail: only that order's rows, by primary key order, so its cost does not grow with others. */
@Repository
public class TrailRepository {

    private static final String COLUMNS = """
            order_id, global_index, event_id, aggregate_id, aggregate_sequence, event_type, payload_type,
            recorded_at, actor_id, actor_role, actor_scope, reason, payload""";

    private final JdbcTemplate jdbc;
    private final RowMapper<TrailEntry> rowMapper;

    TrailRepository(JdbcTemplate jdbc, EventJson json) {
        this.jdbc = jdbc;
        this.rowMapper = (rs, row) -> new TrailEntry(
                rs.getObject("order_id", UUID.class), rs.getLong("global_index"), rs.getString("event_id"),
                rs.getString("aggregate_id"), rs.getLong("aggregate_sequence"), rs.getString("event_type"),
                rs.getString("payload_type"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor_id"),
                rs.getString("actor_role"), rs.getString("actor_scope"), rs.getString("reason"),
                readJson(json, rs.getString("payload")));
    }

    /** The order's events recorded up to {@code asOf} (all of them if null), oldest first. */
    public List<TrailEntry> trail(UUID orderId, Instant asOf) {
        if (asOf == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM query.order_event WHERE order_id = ? ORDER BY global_index",
                    rowMapper, orderId);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM query.order_event WHERE order_id = ? AND recorded_at <= ?"
                + " ORDER BY global_index", rowMapper, orderId, Timestamp.from(asOf));
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(EventJson json, String text) {
        try {
            return json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored trail payload is not JSON", e);
        }
    }
}
