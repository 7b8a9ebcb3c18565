package dk.tilsynsspor.query.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @Operation(operationId = "findOrders", tags = "orders", summary = "The orders the caller may see",
            description = "Newest first: an inspector sees the orders of their authority, a leader those of their organisation; optionally filtered by organisation and status.")
    @GetMapping
    OrderList orders(@Parameter(description = "Only this organisation's orders (its id: 1 to 200 letters, digits or . _ @ : | + -; blank: any).") @RequestParam(required = false) String organisationId,
                     @Parameter(description = "Only orders in this status.") @RequestParam(required = false) OrderStatus status) {
        return reads.orders(organisationId, status);
    }

    /** The compliance dossier; with {@code asOf} (an ISO instant) as it stood then. */
    @Operation(operationId = "getDossier", tags = "orders", summary = "The compliance dossier",
            description = "How each requirement was followed up: status and deadline, action plans, quality goal and measurements, sessions and insights, verification with the evidence it cites; the cases, report and decisions. With asOf (an ISO instant from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z), as it stood then.")
    @GetMapping("/{orderId}/dossier")
    ComplianceDossier dossier(@PathVariable UUID orderId, @RequestParam(required = false)
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return reads.dossier(orderId, asOf);
    }

    /** Every event of the order and of the cases serving it, oldest first; with {@code asOf}, until then. */
    @Operation(operationId = "getAuditTrail", tags = "audit-trail", summary = "The audit trail",
            description = "Every event of the order and of the cases serving it, oldest first, with actor, role, reason, content and link hash; with asOf, until then.")
    @GetMapping("/{orderId}/audit-trail")
    AuditTrail auditTrail(@PathVariable UUID orderId, @RequestParam(required = false)
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return reads.trail(orderId, asOf);
    }

    /** The order's hash chain recomputed from the event store: intact, or the first sequence that is not. */
    @Operation(operationId = "verifyAuditTrail", tags = "audit-trail", summary = "Verify the hash chain",
            description = "Recomputes the order's hash chain from the event store: intact, or the first sequence that is not. With Axon Server, the chain is kept on a mirror of its events and each linked event is compared with Axon Server's own copy. Events stored moments ago and not sealed into the chain yet are counted in unlinked. 501 while the chain's store holds none of the order's events yet (with Axon Server, before its mirror has copied them).")
    @ApiResponse(responseCode = "200", description = "The answer.")
    @ApiResponse(responseCode = "501", description = "No hash chain is kept for the order yet: with Axon Server, its "
            + "events are not copied to the chain's mirror yet; ask again in a moment (`verification-unavailable`).",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/{orderId}/audit-trail/verification")
    TrailVerification verification(@PathVariable UUID orderId) {
        return reads.verification(orderId);
    }
}
