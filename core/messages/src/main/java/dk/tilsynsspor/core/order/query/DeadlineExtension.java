package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.time.LocalDate;

public record DeadlineExtension(
        LocalDate previousDeadline,
        LocalDate newDeadline,
        String reason,
        Instant extendedAt,
        String extendedBy) {
}
