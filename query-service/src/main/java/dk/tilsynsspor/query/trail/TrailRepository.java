package dk.tilsynsspor.query.trail;

import com.fasterxml.jackson.core.JsonProcessingException;
import dk.tilsynsspor.query.eventstore.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** One case's events (the case view), oldest first. */
    public List<TrailEntry> caseTrail(UUID caseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM query.order_event WHERE aggregate_id = ? ORDER BY global_index",
                rowMapper, caseId.toString());
    }

    /** The trails of an organisation's orders that are not closed, each oldest first, grouped by order. */
    public Map<UUID, List<TrailEntry>> openOrderTrails(String organisationId) {
        Map<UUID, List<TrailEntry>> trails = new LinkedHashMap<>();
        jdbc.query("SELECT " + COLUMNS.replace("order_id,", "e.order_id,") + """
                 FROM query.order_summary s JOIN query.order_event e ON e.order_id = s.order_id
                WHERE s.organisation_id = ? AND s.status <> 'CLOSED'
                ORDER BY s.imposed_at, e.order_id, e.global_index""", rs -> {
            TrailEntry entry = rowMapper.mapRow(rs, 0);
            trails.computeIfAbsent(entry.orderId(), id -> new ArrayList<>()).add(entry);
        }, organisationId);
        return trails;
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(EventJson json, String text) {
        try {
            return json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored trail payload is not JSON", e);
        }
    }
}
