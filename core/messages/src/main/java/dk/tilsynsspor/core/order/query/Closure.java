package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.order.OrderOutcome;

import java.time.Instant;

public record Closure(
        String reason,
        boolean withdrawn,
        Instant closedAt,
        String closedBy,
        OrderOutcome outcome) {
}
