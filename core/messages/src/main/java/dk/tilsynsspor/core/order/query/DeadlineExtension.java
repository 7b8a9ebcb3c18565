package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.util.UUID;
import java.time.LocalDate;

/** A deadline moved by the authority; {@code requestId} is the organisation's request it granted, if any. */
public record DeadlineExtension(
        LocalDate previousDeadline,
        LocalDate newDeadline,
        String reason,
        Instant extendedAt,
        String extendedBy,
        UUID requestId) {
}
