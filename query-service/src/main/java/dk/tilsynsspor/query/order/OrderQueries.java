package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.AuditEntry;
import dk.tilsynsspor.core.order.query.AuditTrail;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.CountOrderDeadlines;
import dk.tilsynsspor.core.order.query.FindOrders;
import dk.tilsynsspor.core.order.query.GetAuditTrail;
import dk.tilsynsspor.core.order.query.GetComplianceDossier;
import dk.tilsynsspor.core.order.query.OrderDeadlines;
import dk.tilsynsspor.core.order.query.OrderList;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.order.query.OrderSummary;
import dk.tilsynsspor.core.order.query.VerifyAuditTrail;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.query.dossier.DossierFold;
import dk.tilsynsspor.query.dossier.EventReader;
import dk.tilsynsspor.query.eventstore.EventJson;
import dk.tilsynsspor.query.integrity.OrderChain;
import dk.tilsynsspor.query.trail.TrailEntry;
import dk.tilsynsspor.query.trail.TrailRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Component
class OrderQueries {

    static final String SYSTEM_ACTOR = "system";
    private static final RowMapper<OrderSummary> SUMMARY = (rs, row) -> new OrderSummary(
            rs.getObject("order_id", UUID.class), rs.getString("reference"), rs.getString("authority_id"),
            rs.getString("organisation_id"), rs.getObject("issued_on", LocalDate.class),
            OrderStatus.valueOf(rs.getString("status")), rs.getBoolean("escalated"),
            rs.getTimestamp("imposed_at").toInstant());
    private static final String SUMMARY_COLUMNS =
            "order_id, reference, authority_id, organisation_id, issued_on, status, escalated, imposed_at";

    private final JdbcTemplate jdbc;
    private final TrailRepository trails;
    private final EventReader reader;
    private final EventJson json;
    private final Clock clock;
    private final OrderChain chain;
    private final KeptShares shares;

    OrderQueries(JdbcTemplate jdbc, TrailRepository trails, EventReader reader, EventJson json, Clock clock,
                 OrderChain chain, KeptShares shares) {
        this.jdbc = jdbc;
        this.trails = trails;
        this.reader = reader;
        this.json = json;
        this.clock = clock;
        this.chain = chain;
        this.shares = shares;
    }

    /** Inspectors see their authority's orders, leaders their organisation's; professionals read cases only. */
    @QueryHandler
    OrderList handle(FindOrders query) {
        Actor requester = query.requester();
        if (requester.role() == Role.PROFESSIONAL) {
            return new OrderList(List.of());
        }
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS + " FROM query.order_summary WHERE ");
        List<Object> arguments = new ArrayList<>();
        sql.append(requester.role().scopedToAuthority() ? "authority_id = ?" : "organisation_id = ?");
        arguments.add(requester.scope());
        if (query.organisationId() != null) {
            sql.append(" AND organisation_id = ?");
            arguments.add(query.organisationId());
        }
        if (query.status() != null) {
            sql.append(" AND status = ?");
            arguments.add(query.status().name());
        }
        sql.append(" ORDER BY imposed_at DESC, order_id");
        return new OrderList(jdbc.query(sql.toString(), SUMMARY, arguments.toArray()));
    }

    @QueryHandler
    Optional<ComplianceDossier> handle(GetComplianceDossier query) {
        LocalDate today = LocalDate.ofInstant(query.asOf() == null ? clock.instant() : query.asOf(), clock.getZone());
        return DossierFold.fold(trails.trail(query.orderId(), query.asOf()), reader, today, query.asOf());
    }

    /**
     * From each order's kept share (ADR 27): an order's deadlines cost a fold only when it changed since they were
     * last asked for. Orders the requester may not see, and ended ones (closed, lapsed), are left out.
     */
    @QueryHandler
    OrderDeadlines handle(CountOrderDeadlines query) {
        LocalDate today = LocalDate.now(clock);
        Actor requester = query.requester();
        if (requester.role() == Role.PROFESSIONAL || query.orderIds().isEmpty()) {
            return new OrderDeadlines(today, List.of());
        }
        List<UUID> visible = jdbc.queryForList("SELECT order_id FROM query.order_summary WHERE order_id = ANY (?)"
                        + " AND status NOT IN ('CLOSED', 'LAPSED') AND "
                        + (requester.role().scopedToAuthority() ? "authority_id" : "organisation_id") + " = ?",
                UUID.class, query.orderIds().toArray(UUID[]::new), requester.scope());
        return new OrderDeadlines(today, shares.of(visible).values().stream()
                .map(share -> share.deadlinesOn(today)).toList());
    }

    @QueryHandler
    Optional<AuditTrail> handle(GetAuditTrail query) {
        List<TrailEntry> trail = trails.trail(query.orderId(), query.asOf());
        Optional<OrderSummary> order = summary(query.orderId());
        if (trail.isEmpty() || order.isEmpty()) {
            return Optional.empty();
        }
        List<AuditEntry> entries = new ArrayList<>(trail.size());
        for (int i = 0; i < trail.size(); i++) {
            entries.add(entry(i + 1, trail.get(i)));
        }
        return Optional.of(new AuditTrail(query.orderId(), order.get().reference(), order.get().authorityId(),
                order.get().organisationId(), query.asOf(), entries));
    }

    /** Answered from the event store's own rows (ADR 8); empty when there is no such order. */
    @QueryHandler
    Optional<OrderVerification> handle(VerifyAuditTrail query) {
        // no chain for a known order: the events are not in PostgreSQL (Axon Server), so there is nothing to verify
        return summary(query.orderId()).map(order -> new OrderVerification(order.authorityId(),
                order.organisationId(), chain.verify(query.orderId())));
    }

    private Optional<OrderSummary> summary(UUID orderId) {
        return jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM query.order_summary WHERE order_id = ?", SUMMARY,
                orderId).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private AuditEntry entry(long sequence, TrailEntry entry) {
        boolean bySystem = entry.actorId() == null;
        return new AuditEntry(sequence, entry.recordedAt(), entry.eventType(),
                bySystem ? SYSTEM_ACTOR : entry.actorId(), bySystem ? "SYSTEM" : entry.actorRole(), entry.reason(),
                entry.aggregateId(), json.mapper().convertValue(entry.payload(), Map.class), entry.hash());
    }
}
