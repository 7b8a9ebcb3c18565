package dk.tilsynsspor.query.trail;

import com.fasterxml.jackson.core.JsonProcessingException;
import dk.tilsynsspor.query.eventstore.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads one order's trail: only that order's rows, by primary key order, so its cost does not grow with others. */
@Repository
public class TrailRepository {

    /** The trail's rows with each event's link hash as the event store holds it (ADR 8). */
    private static final String SELECT_FROM = """
            SELECT e.order_id, e.global_index, e.event_id, e.aggregate_id, e.aggregate_sequence, e.event_type,
                   e.payload_type, e.recorded_at, e.actor_id, e.actor_role, e.actor_scope, e.reason, e.payload,
                   d.chainHash AS hash
              FROM query.order_event e LEFT JOIN events.domain_event_entry d ON d.globalIndex = e.global_index
            """;
    /** The same, each event once: a case's event may be shown in several trails. */
    private static final String ONCE_EACH = SELECT_FROM.replaceFirst("SELECT ", "SELECT DISTINCT ON (e.global_index) ");
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final TrailTexts texts;
    private final RowMapper<TrailEntry> rowMapper;

    TrailRepository(JdbcTemplate jdbc, EventJson json, TrailTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.rowMapper = (rs, row) -> new TrailEntry(
                rs.getObject("order_id", UUID.class), rs.getLong("global_index"), rs.getString("event_id"),
                rs.getString("aggregate_id"), rs.getLong("aggregate_sequence"), rs.getString("event_type"),
                rs.getString("payload_type"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor_id"),
                rs.getString("actor_role"), rs.getString("actor_scope"), rs.getString("reason"),
                readJson(json, rs.getString("payload")), hex(rs.getBytes("hash")));
    }

    /** The order's events recorded up to {@code asOf} (all of them if null), oldest first. */
    public List<TrailEntry> trail(UUID orderId, Instant asOf) {
        if (asOf == null) {
            return opened(jdbc.query(SELECT_FROM + " WHERE e.order_id = ? ORDER BY e.global_index", rowMapper,
                    orderId));
        }
        return opened(jdbc.query(SELECT_FROM + " WHERE e.order_id = ? AND e.recorded_at <= ?"
                + " ORDER BY e.global_index", rowMapper, orderId, Timestamp.from(asOf)));
    }

    /** One case's events (the case view), oldest first. */
    public List<TrailEntry> caseTrail(UUID caseId) {
        // a case's event may be shown in several trails (its own, and each order it came to serve): once here
        return opened(jdbc.query(ONCE_EACH + " WHERE e.aggregate_id = ? ORDER BY e.global_index", rowMapper,
                caseId.toString()));
    }

    /**
     * The cases that may serve no order now: those with a trail of their own (opened without an order, or acting
     * while they served none) and those unlinked from requirements. Whether they do is the fold's to say.
     */
    public List<UUID> casesThatMayServeNoOrder() {
        return jdbc.queryForList("""
                SELECT DISTINCT aggregate_id FROM query.order_event
                 WHERE order_id::text = aggregate_id OR event_type = 'CaseUnlinkedFromRequirements'""", String.class)
                .stream().map(UUID::fromString).toList();
    }

    /** The events of one aggregate (an order, a case) of the named types, oldest first. */
    public List<TrailEntry> eventsOf(UUID aggregateId, String... eventTypes) {
        return opened(jdbc.query(ONCE_EACH + " WHERE e.aggregate_id = ? AND e.event_type = ANY (?)"
                + " ORDER BY e.global_index", rowMapper, aggregateId.toString(), eventTypes));
    }

    /** The cases {@code professionalId} was ever assigned to (whether still on the team is the fold's to say). */
    public List<UUID> casesAssigning(String professionalId) {
        return jdbc.queryForList("""
                SELECT DISTINCT aggregate_id FROM query.order_event
                 WHERE event_type = 'ProfessionalAssignedToCase' AND payload ->> 'professionalId' = ?""",
                String.class, professionalId).stream().map(UUID::fromString).toList();
    }

    /** The trails of an organisation's orders that are not closed, each oldest first, grouped by order. */
    public Map<UUID, List<TrailEntry>> openOrderTrails(String organisationId) {
        Map<UUID, List<TrailEntry>> trails = new LinkedHashMap<>();
        jdbc.query(SELECT_FROM + """
                  JOIN query.order_summary s ON s.order_id = e.order_id
                 WHERE s.organisation_id = ? AND s.status NOT IN ('CLOSED', 'LAPSED')
                 ORDER BY s.imposed_at, e.order_id, e.global_index""", rs -> {
            TrailEntry entry = rowMapper.mapRow(rs, 0);
            trails.computeIfAbsent(entry.orderId(), id -> new ArrayList<>()).add(entry);
        }, organisationId);
        texts.open(trails.values().stream().flatMap(List::stream).toList());
        return trails;
    }

    /** The entries with their personal texts opened (the trail keeps them sealed). */
    private List<TrailEntry> opened(List<TrailEntry> entries) {
        texts.open(entries);
        return entries;
    }

    private static String hex(byte[] hash) {
        return hash == null ? null : HEX.formatHex(hash);
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(EventJson json, String text) {
        try {
            return json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored trail payload is not JSON", e);
        }
    }
}
