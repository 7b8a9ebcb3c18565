package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.FindOrders;
import dk.tilsynsspor.core.order.query.GetComplianceDossier;
import dk.tilsynsspor.core.order.query.OrderList;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.order.query.OrderSummary;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.query.eventstore.EventJson;
import dk.tilsynsspor.query.trail.TrailRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Component
class OrderQueries {

    private final JdbcTemplate jdbc;
    private final TrailRepository trails;
    private final DossierFold fold;
    private final Clock clock;

    OrderQueries(JdbcTemplate jdbc, TrailRepository trails, EventJson json, Clock clock) {
        this.jdbc = jdbc;
        this.trails = trails;
        this.fold = new DossierFold(json);
        this.clock = clock;
    }

    /** Inspectors see their authority's orders; everyone else their organisation's. */
    @QueryHandler
    OrderList handle(FindOrders query) {
        Actor requester = query.requester();
        StringBuilder sql = new StringBuilder("""
                SELECT order_id, reference, authority_id, organisation_id, issued_on, status, escalated, imposed_at
                FROM query.order_summary
                WHERE\s""");
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
        List<OrderSummary> orders = jdbc.query(sql.toString(), (rs, row) -> new OrderSummary(
                rs.getObject("order_id", UUID.class), rs.getString("reference"), rs.getString("authority_id"),
                rs.getString("organisation_id"), rs.getDate("issued_on").toLocalDate(),
                OrderStatus.valueOf(rs.getString("status")), rs.getBoolean("escalated"),
                rs.getTimestamp("imposed_at").toInstant()), arguments.toArray());
        return new OrderList(orders);
    }

    @QueryHandler
    Optional<ComplianceDossier> handle(GetComplianceDossier query) {
        LocalDate today = LocalDate.ofInstant(query.asOf() == null ? clock.instant() : query.asOf(), clock.getZone());
        return fold.fold(trails.trail(query.orderId(), query.asOf()), today, query.asOf());
    }
}
