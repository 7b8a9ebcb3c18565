package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.security.Actor;

import java.util.UUID;

/** Recompute the hash chain of an order's trail from the event store itself. */
public record VerifyAuditTrail(
        Actor requester,
        UUID orderId) {
}
