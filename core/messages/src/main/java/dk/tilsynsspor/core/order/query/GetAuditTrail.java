package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.security.Actor;

import java.time.Instant;
import java.util.UUID;

/** Every event of an order and of the cases serving it, oldest first; with {@code asOf}, those recorded until then. */
public record GetAuditTrail(
        Actor requester,
        UUID orderId,
        Instant asOf) {
}
