package dk.tilsynsspor.query.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dk.tilsynsspor.core.audit.AuditMetadata;
import dk.tilsynsspor.query.eventstore.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads trails from the event store itself (ADR 24): an order's trail is its hash chain (the events of the order and
 * of the cases serving it when they were recorded, by the chain's index) and the earlier events of the cases linked
 * to it (by the store's index of an aggregate's events); a case's trail is its aggregate's events. Each read takes only
 * the rows asked for by an index, so its cost does not grow with other orders. The few facts the store has no index
 * for are kept by {@link OrderTrailProjection}.
 */
@Repository
public class TrailRepository {

    /**
     * A stored event's columns as the trail shows them, its link's hash (once sealed, ADR 28) and when its case's
     * citizen was forgotten (if so).
     */
    private static final String COLUMNS = """
            d.globalIndex, d.eventIdentifier, d.aggregateIdentifier, d.sequenceNumber, d.payloadType, d.timeStamp,
            d.metaData, d.payload, k.hash AS chainHash, f.forgotten_at""";
    private static final String FORGOTTEN = " LEFT JOIN events.chain_link k ON k.global_index = d.globalIndex"
            + " LEFT JOIN query.forgotten_case f ON f.case_id = d.aggregateIdentifier";
    /**
     * An order's chain, and the events of the cases linked to it from before their (latest) link; parameters: the
     * order's id three times. Public, as {@link #AGGREGATE} is, for the tests that check how they are planned.
     */
    public static final String ORDER_TRAIL = "SELECT " + COLUMNS + " FROM events.domain_event_entry d" + FORGOTTEN
            + " WHERE d.chainOrderId = ?"
            + " UNION ALL SELECT " + COLUMNS + " FROM query.case_link l JOIN events.domain_event_entry d"
            + " ON d.aggregateIdentifier = l.case_id AND d.globalIndex < l.linked_at" + FORGOTTEN
            + " WHERE l.order_id = ? AND d.chainOrderId IS DISTINCT FROM ?"
            + " ORDER BY globalIndex";
    /** One aggregate's events; parameter: its id. */
    public static final String AGGREGATE = "SELECT " + COLUMNS + " FROM events.domain_event_entry d" + FORGOTTEN
            + " WHERE d.aggregateIdentifier = ?";
    private static final HexFormat HEX = HexFormat.of();
    private static final Logger log = LoggerFactory.getLogger(TrailRepository.class);

    private final JdbcTemplate jdbc;
    private final EventJson json;
    private final TrailTexts texts;

    TrailRepository(JdbcTemplate jdbc, EventJson json, TrailTexts texts) {
        this.jdbc = jdbc;
        this.json = json;
        this.texts = texts;
    }

    /** The order's events recorded up to {@code asOf} (all of them if null), oldest first. */
    public List<TrailEntry> trail(UUID orderId, Instant asOf) {
        List<TrailEntry> trail = jdbc.query(ORDER_TRAIL, rows(orderId), orderId, orderId, orderId);
        if (asOf != null) {
            trail.removeIf(entry -> entry.recordedAt().isAfter(asOf));
        }
        return opened(trail);
    }

    /** One case's events (the case view), oldest first. */
    public List<TrailEntry> caseTrail(UUID caseId) {
        return aggregateEvents(caseId);
    }

    /**
     * The organisation's open cases that may serve no order now: those opened without an order and those unlinked
     * from requirements, less those closed since (a closed case serves nothing, and they would otherwise pile up over
     * the years, each folded at every read). A case whose organisation is not known here (an upgraded database whose
     * store had an unreadable opening) is kept. Whether they do serve none, and are the organisation's, is the fold's
     * to say.
     */
    public List<UUID> casesThatMayServeNoOrder(String organisationId) {
        return jdbc.queryForList("""
                SELECT w.case_id FROM query.case_without_order w
                  LEFT JOIN query.case_opening o ON o.case_id = w.case_id
                 WHERE (o.organisation_id = ? OR o.organisation_id IS NULL)
                   AND NOT EXISTS (SELECT 1 FROM query.closed_case c WHERE c.case_id = w.case_id)
                 ORDER BY w.case_id""", UUID.class, organisationId);
    }

    /**
     * The open cases that came to serve a closed order of the organisation: opened for it or linked to it. Whether a
     * case serves that order still, or another one by now, is the fold's to say. Read by the closed orders' rows of
     * the cases' openings and links: it grows with the cases of the organisation's closed orders, not with their
     * events.
     */
    public List<UUID> openCasesOfClosedOrders(String organisationId) {
        return jdbc.queryForList("""
                SELECT c.case_id
                  FROM query.order_summary s
                  JOIN LATERAL (SELECT o.case_id FROM query.case_opening o WHERE o.order_id = s.order_id
                                UNION ALL
                                SELECT CAST(l.case_id AS uuid) FROM query.case_link l WHERE l.order_id = s.order_id
                               ) c ON true
                 WHERE s.organisation_id = ? AND s.status = 'CLOSED'
                   AND NOT EXISTS (SELECT 1 FROM query.closed_case x WHERE x.case_id = c.case_id)
                 GROUP BY c.case_id
                 ORDER BY c.case_id""", UUID.class, organisationId);
    }

    /**
     * The orders whose events the authority's work queue reads, the most recently imposed first: those neither
     * closed nor lapsed, and the closed ones still published somewhere (a publication not withdrawn, read by the
     * publications that are up, not by the authority's closed orders, which over the years are nearly all of them).
     */
    public List<UUID> ordersWaitingOnAuthority(String authorityId) {
        return jdbc.queryForList("""
                SELECT s.order_id FROM query.order_summary s
                 WHERE s.authority_id = ? AND s.status <> 'LAPSED'
                   AND (s.status <> 'CLOSED'
                        OR EXISTS (SELECT 1 FROM query.active_publication p WHERE p.order_id = s.order_id))
                 ORDER BY s.imposed_at DESC, s.order_id""", UUID.class, authorityId);
    }

    /** The references of the named orders and whether each is closed, by order id (one not projected is missing). */
    public Map<UUID, OrderReference> orderReferences(Collection<UUID> orderIds) {
        Map<UUID, OrderReference> references = new LinkedHashMap<>();
        if (!orderIds.isEmpty()) {
            jdbc.query("SELECT order_id, reference, status FROM query.order_summary WHERE order_id = ANY (?)",
                    row -> {
                        references.put(row.getObject("order_id", UUID.class), new OrderReference(
                                row.getString("reference"), "CLOSED".equals(row.getString("status"))));
                    }, (Object) orderIds.toArray(UUID[]::new));
        }
        return references;
    }

    /** The order's own events, without those of the cases serving it, oldest first. */
    public List<TrailEntry> orderEvents(UUID orderId) {
        return aggregateEvents(orderId);
    }

    /** One aggregate's own events, oldest first, their personal texts opened. */
    private List<TrailEntry> aggregateEvents(UUID aggregateId) {
        return opened(jdbc.query(AGGREGATE + " ORDER BY d.globalIndex", rows(aggregateId), aggregateId.toString()));
    }

    /**
     * The latest sequence number of each named aggregate's events, by its id (one with no events is missing): one
     * look into the store's index of an aggregate's events for each, whatever their number.
     */
    public Map<UUID, Long> latestSequences(Collection<UUID> aggregateIds) {
        Map<UUID, Long> latest = new LinkedHashMap<>();
        if (!aggregateIds.isEmpty()) {
            jdbc.query("""
                    SELECT a.id, (SELECT max(d.sequenceNumber) FROM events.domain_event_entry d
                                   WHERE d.aggregateIdentifier = a.id) AS latest
                      FROM unnest(CAST(? AS varchar[])) AS a(id)""", row -> {
                        long sequence = row.getLong("latest");
                        if (!row.wasNull()) {
                            latest.put(UUID.fromString(row.getString("id")), sequence);
                        }
                    }, (Object) aggregateIds.stream().map(UUID::toString).toArray(String[]::new));
        }
        return latest;
    }

    /** The events of one aggregate (an order, a case) of the named types, oldest first. */
    public List<TrailEntry> eventsOf(UUID aggregateId, Class<?>... eventTypes) {
        return opened(jdbc.query(AGGREGATE + " AND d.payloadType = ANY (?) ORDER BY d.globalIndex",
                rows(aggregateId), aggregateId.toString(), Arrays.stream(eventTypes).map(Class::getName)
                        .toArray(String[]::new)));
    }

    /**
     * The open cases {@code professionalId} was ever assigned to (whether still on the team is the fold's to say).
     */
    public List<UUID> openCasesAssigning(String professionalId) {
        return jdbc.queryForList("""
                SELECT DISTINCT a.case_id FROM query.case_assignment a
                 WHERE a.professional_id = ?
                   AND NOT EXISTS (SELECT 1 FROM query.closed_case c WHERE c.case_id = a.case_id)
                 ORDER BY a.case_id""", UUID.class, professionalId);
    }

    /**
     * The closed cases {@code professionalId} was ever assigned to, the most recently closed first (a case closed
     * before its closure's position was kept, and not found in the store then, last). Only ids: which of them to fold
     * is the caller's choice.
     */
    public List<UUID> closedCasesAssigning(String professionalId) {
        return jdbc.queryForList("""
                SELECT c.case_id
                  FROM (SELECT DISTINCT case_id FROM query.case_assignment WHERE professional_id = ?) a
                  JOIN query.closed_case c ON c.case_id = a.case_id
                 ORDER BY c.closed_index DESC NULLS LAST, c.case_id""", UUID.class, professionalId);
    }

    /**
     * The open cases on whose team a professional of {@code organisationId} was ever put as of another organisation
     * (the assignment named it as their home; whether the case is another's and they are still on it is the fold's
     * to say).
     */
    public List<UUID> casesWithProfessionalsFrom(String organisationId) {
        return jdbc.queryForList("""
                SELECT DISTINCT a.case_id FROM query.case_assignment a
                 WHERE a.home_organisation_id = ?
                   AND NOT EXISTS (SELECT 1 FROM query.closed_case c WHERE c.case_id = a.case_id)
                 ORDER BY a.case_id""", UUID.class, organisationId);
    }

    /** The trails of an organisation's orders that are not closed, each oldest first, in the order imposed. */
    public Map<UUID, List<TrailEntry>> openOrderTrails(String organisationId) {
        Map<UUID, List<TrailEntry>> trails = new LinkedHashMap<>();
        for (UUID orderId : jdbc.queryForList("""
                SELECT order_id FROM query.order_summary
                 WHERE organisation_id = ? AND status NOT IN ('CLOSED', 'LAPSED')
                 ORDER BY imposed_at, order_id""", UUID.class, organisationId)) {
            trails.put(orderId, jdbc.query(ORDER_TRAIL, rows(orderId), orderId, orderId, orderId));
        }
        texts.open(trails.values().stream().flatMap(List::stream).toList());
        return trails;
    }

    /** The entries with their personal texts opened (the store keeps them sealed). */
    private List<TrailEntry> opened(List<TrailEntry> entries) {
        texts.open(entries);
        return entries;
    }

    /** Rows read into the entries of the trail of {@code trailId} (an order's, or a case's own). */
    private RowMapper<TrailEntry> rows(UUID trailId) {
        return (rs, row) -> entry(trailId, rs);
    }

    private TrailEntry entry(UUID trailId, ResultSet rs) throws SQLException {
        long globalIndex = rs.getLong("globalIndex");
        String payloadType = rs.getString("payloadType");
        JsonNode metaData = readJson(rs.getBytes("metaData"), globalIndex);
        JsonNode payload = readJson(rs.getBytes("payload"), globalIndex);
        long forgottenAt = rs.getLong("forgotten_at");
        if (!rs.wasNull() && globalIndex < forgottenAt) {
            TrailTexts.erase(payloadType, payload);
        }
        byte[] hash = rs.getBytes("chainHash");
        return new TrailEntry(trailId, globalIndex, rs.getString("eventIdentifier"),
                rs.getString("aggregateIdentifier"), rs.getLong("sequenceNumber"), simpleName(payloadType),
                payloadType, Instant.parse(rs.getString("timeStamp")).truncatedTo(ChronoUnit.MICROS),
                text(metaData, AuditMetadata.ACTOR_ID), text(metaData, AuditMetadata.ACTOR_ROLE),
                text(metaData, AuditMetadata.ACTOR_SCOPE), text(metaData, AuditMetadata.REASON), payload,
                hash == null ? null : HEX.formatHex(hash));
    }

    /** The class's name without its package, as the trail names event types. */
    static String simpleName(String payloadType) {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
    }

    private static String text(JsonNode metaData, String key) {
        JsonNode value = metaData == null ? null : metaData.get(key);
        return value == null || value.isNull() ? null : StoredText.of(value.asText());
    }

    /**
     * Stored JSON bytes as a tree, every NUL in its texts shown as U+FFFD ({@link StoredText}); null stays null. Bytes
     * that are not JSON (which the store's trigger refuses in a payload today) are shown as the text they hold, so
     * the trail still lists the event and the dossier leaves it out as unreadable.
     */
    private JsonNode readJson(byte[] stored, long globalIndex) {
        if (stored == null) {
            return null;
        }
        try {
            return json.mapper().readTree(StoredText.json(json.mapper(), stored));
        } catch (IOException notJson) {
            log.warn("The stored event at global index {} holds bytes that are not JSON; shown as text", globalIndex);
            return TextNode.valueOf(StoredText.of(new String(stored, StandardCharsets.UTF_8)));
        }
    }
}
