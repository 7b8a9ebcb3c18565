package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.AuditTrail;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.OrderList;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.order.query.TrailVerification;
import org.springframework.format.annotation.DateTimeFormat;
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

    private final OrderReads reads;

    OrderController(OrderReads reads) {
        this.reads = reads;
    }

    /** The orders visible to the caller, newest first. */
    @GetMapping
    OrderList orders(@RequestParam(required = false) String organisationId,
                     @RequestParam(required = false) OrderStatus status) {
        return reads.orders(organisationId, status);
    }

    /** The compliance dossier; with {@code asOf} (an ISO instant) as it stood then. */
    @GetMapping("/{orderId}/dossier")
    ComplianceDossier dossier(@PathVariable UUID orderId, @RequestParam(required = false)
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return reads.dossier(orderId, asOf);
    }

    /** Every event of the order and of the cases serving it, oldest first; with {@code asOf}, until then. */
    @GetMapping("/{orderId}/audit-trail")
    AuditTrail auditTrail(@PathVariable UUID orderId, @RequestParam(required = false)
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return reads.trail(orderId, asOf);
    }

    /** The order's hash chain recomputed from the event store: intact, or the first sequence that is not. */
    @GetMapping("/{orderId}/audit-trail/verification")
    TrailVerification verification(@PathVariable UUID orderId) {
        return reads.verification(orderId);
    }
}
