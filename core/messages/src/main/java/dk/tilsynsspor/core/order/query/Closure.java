package dk.tilsynsspor.core.order.query;

import java.time.Instant;

public record Closure(
        String reason,
        boolean withdrawn,
        Instant closedAt,
        String closedBy) {
}
