package dk.tilsynsspor.query.trail;

import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.query.projection.BatchedWrites;
import dk.tilsynsspor.query.projection.PlannedEachTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The orders' summary rows ({@code query.order_summary}) as the trail's projection changes them. Each event's change
 * is a function of the row as it stands ({@link Change}); a batch keeps its changes of each order and, when its
 * writes are sent, reads the rows of all its orders in one statement, applies each order's changes in their order
 * and writes each changed row once, all in one JDBC batch. A rebuild's batch of a thousand events begins and ends
 * some forty orders: two statements for their summaries instead of some two hundred (a notice, an imposition, an
 * acknowledgement, reports, decisions and a closing each changed the row by a statement of its own). Outside a batch,
 * or in one that goes carefully ({@link BatchedWrites}), an event's change is read, applied and written at once.
 */
final class OrderSummaries {

    /** One order's summary row. Sets of requirements keep their order (only their number is read). */
    record Summary(UUID orderId, String reference, String authorityId, String organisationId, Date issuedOn,
                   String status, boolean escalated, Timestamp imposedAt, List<UUID> requirementIds,
                   Set<UUID> awaitingDecision) {

        Summary {
            requirementIds = List.copyOf(requirementIds);
            awaitingDecision = Collections.unmodifiableSet(new LinkedHashSet<>(awaitingDecision));
        }

        Summary withStatus(String newStatus) {
            return new Summary(orderId, reference, authorityId, organisationId, issuedOn, newStatus, escalated,
                    imposedAt, requirementIds, awaitingDecision);
        }

        Summary withEscalated(boolean newEscalated) {
            return new Summary(orderId, reference, authorityId, organisationId, issuedOn, status, newEscalated,
                    imposedAt, requirementIds, awaitingDecision);
        }

        /**
         * The requirements awaiting a decision set to {@code awaiting}, and the status from them: "report submitted"
         * while any awaits a decision, else "accepted" once a decision accepted the order, else "acknowledged"; a
         * closed order stays closed.
         */
        Summary awaiting(Set<UUID> awaiting, boolean orderAccepted) {
            String newStatus = OrderStatus.CLOSED.name().equals(status) ? status
                    : !awaiting.isEmpty() ? OrderStatus.REPORT_SUBMITTED.name()
                    : orderAccepted ? OrderStatus.ACCEPTED.name() : OrderStatus.ACKNOWLEDGED.name();
            return new Summary(orderId, reference, authorityId, organisationId, issuedOn, newStatus, escalated,
                    imposedAt, requirementIds, awaiting);
        }
    }

    /** What an event does to an order's row: the row after it, from the row before it (null: no row, none made). */
    @FunctionalInterface
    interface Change {
        Summary apply(Summary stored);
    }

    /** A notice starts the summary; one already there (the notice projected before) stays as it is. */
    static Change notice(Summary started) {
        return stored -> stored != null ? stored : started;
    }

    /**
     * An imposition starts the summary, or completes that of its notice (the notice's parties kept); an order
     * already imposed stays as it is.
     */
    static Change imposed(Summary imposed) {
        return stored -> stored == null ? imposed
                : !OrderStatus.NOTICE.name().equals(stored.status()) ? stored
                : new Summary(stored.orderId(), imposed.reference(), stored.authorityId(), stored.organisationId(),
                        imposed.issuedOn(), imposed.status(), stored.escalated(), imposed.imposedAt(),
                        imposed.requirementIds(), stored.awaitingDecision());
    }

    static Change status(OrderStatus status) {
        return stored -> stored == null ? null : stored.withStatus(status.name());
    }

    /** Skærpet tilsyn ends with the order at the latest. */
    static Change closed() {
        return stored -> stored == null ? null : stored.withStatus(OrderStatus.CLOSED.name()).withEscalated(false);
    }

    static Change escalated(boolean escalated) {
        return stored -> stored == null ? null : stored.withEscalated(escalated);
    }

    /** A report's requirements (null: all of the order's, as in one from before reports were per requirement). */
    static Change reported(Collection<UUID> reported) {
        return stored -> {
            if (stored == null) {
                return null;
            }
            Set<UUID> awaiting = new LinkedHashSet<>(stored.awaitingDecision());
            awaiting.addAll(reported == null ? stored.requirementIds() : reported);
            return stored.awaiting(awaiting, false);
        };
    }

    /**
     * A decision's requirements no longer await one (null: all, as in one from before decisions were per
     * requirement).
     */
    static Change decided(Collection<UUID> decided, boolean orderAccepted) {
        return stored -> {
            if (stored == null) {
                return null;
            }
            Set<UUID> awaiting = new LinkedHashSet<>();
            if (decided != null) {
                awaiting.addAll(stored.awaitingDecision());
                awaiting.removeAll(Set.copyOf(decided));
            }
            return stored.awaiting(awaiting, orderAccepted);
        };
    }

    private static final String COLUMNS = """
            order_id, reference, authority_id, organisation_id, issued_on, status, escalated, imposed_at,
            requirement_ids, awaiting_decision""";
    private static final String UPSERT = "INSERT INTO query.order_summary (" + COLUMNS + """
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (order_id) DO UPDATE SET reference = excluded.reference,
                authority_id = excluded.authority_id, organisation_id = excluded.organisation_id,
                issued_on = excluded.issued_on, status = excluded.status, escalated = excluded.escalated,
                imposed_at = excluded.imposed_at, requirement_ids = excluded.requirement_ids,
                awaiting_decision = excluded.awaiting_decision""";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final String batchKey = OrderSummaries.class.getName() + "@" + System.identityHashCode(this);

    OrderSummaries(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** The event's change of the order's summary: kept with the batch's, or written at once. */
    void change(UUID orderId, Change change) {
        Map<UUID, List<Change>> batch = writes.untilSent(batchKey, LinkedHashMap::new, this::write);
        if (batch == null) {
            write(Map.of(orderId, List.of(change)));
        } else {
            batch.computeIfAbsent(orderId, id -> new ArrayList<>()).add(change);
        }
    }

    /** Reads the orders' rows, applies each order's changes in order, and writes each row they changed. */
    private void write(Map<UUID, List<Change>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<UUID, Summary> stored = new HashMap<>();
        // planned each time: a plan cached while a rebuild's first batches filled the emptied table scans it whole
        jdbc.query(PlannedEachTime.statement("SELECT " + COLUMNS + " FROM query.order_summary WHERE order_id = ANY(?)",
                (Object) changes.keySet().toArray(UUID[]::new)), (RowCallbackHandler) rs -> {
                    Summary summary = read(rs);
                    stored.put(summary.orderId(), summary);
                });
        changes.forEach((orderId, orderChanges) -> {
            Summary before = stored.get(orderId);
            Summary after = before;
            for (Change change : orderChanges) {
                after = change.apply(after);
            }
            if (after != null && !after.equals(before)) {
                writes.add(BatchedWrites.row("query.order_summary", orderId), UPSERT, after.orderId(),
                        after.reference(), after.authorityId(), after.organisationId(), after.issuedOn(),
                        after.status(), after.escalated(), after.imposedAt(),
                        after.requirementIds().toArray(UUID[]::new), after.awaitingDecision().toArray(UUID[]::new));
            }
        });
    }

    private static Summary read(ResultSet rs) throws SQLException {
        return new Summary(rs.getObject("order_id", UUID.class), rs.getString("reference"),
                rs.getString("authority_id"), rs.getString("organisation_id"), rs.getDate("issued_on"),
                rs.getString("status"), rs.getBoolean("escalated"), rs.getTimestamp("imposed_at"),
                uuids(rs.getArray("requirement_ids")), new LinkedHashSet<>(uuids(rs.getArray("awaiting_decision"))));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}
