package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.AuditTrail;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.FindOrders;
import dk.tilsynsspor.core.order.query.GetAuditTrail;
import dk.tilsynsspor.core.order.query.GetComplianceDossier;
import dk.tilsynsspor.core.order.query.OrderList;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.query.security.CurrentActor;
import dk.tilsynsspor.query.web.NotFoundException;
import dk.tilsynsspor.query.web.Visibility;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final QueryGateway queries;
    private final CurrentActor currentActor;

    OrderController(QueryGateway queries, CurrentActor currentActor) {
        this.queries = queries;
        this.currentActor = currentActor;
    }

    /** The orders visible to the caller, newest first. */
    @GetMapping
    OrderList orders(@RequestParam(required = false) String organisationId,
                     @RequestParam(required = false) OrderStatus status) {
        return queries.query(new FindOrders(currentActor.get(), organisationId, status), OrderList.class).join();
    }

    /** The compliance dossier; with {@code asOf} (an ISO instant) as it stood then. */
    @GetMapping("/{orderId}/dossier")
    ComplianceDossier dossier(@PathVariable UUID orderId, @RequestParam(required = false)
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        Actor actor = currentActor.get();
        ComplianceDossier dossier = queries.query(new GetComplianceDossier(actor, orderId, asOf),
                        ResponseTypes.optionalInstanceOf(ComplianceDossier.class)).join()
                .orElseThrow(() -> notFound(orderId, asOf));
        assertVisible(actor, orderId, dossier.authorityId(), dossier.organisationId());
        return dossier;
    }

    /** Every event of the order and of the cases serving it, oldest first; with {@code asOf}, until then. */
    @GetMapping("/{orderId}/audit-trail")
    AuditTrail auditTrail(@PathVariable UUID orderId, @RequestParam(required = false)
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return trail(orderId, asOf);
    }

    AuditTrail trail(UUID orderId, Instant asOf) {
        Actor actor = currentActor.get();
        AuditTrail trail = queries.query(new GetAuditTrail(actor, orderId, asOf),
                        ResponseTypes.optionalInstanceOf(AuditTrail.class)).join()
                .orElseThrow(() -> notFound(orderId, asOf));
        assertVisible(actor, orderId, trail.authorityId(), trail.organisationId());
        return trail;
    }

    private static void assertVisible(Actor actor, UUID orderId, String authorityId, String organisationId) {
        if (!Visibility.canSee(actor, authorityId, organisationId)) {
            throw new AccessDeniedException("order " + orderId + " belongs to another authority or organisation");
        }
    }

    private static NotFoundException notFound(UUID orderId, Instant asOf) {
        return new NotFoundException("There is no order with id " + orderId
                + (asOf == null ? "." : " as of " + asOf + "."));
    }
}
