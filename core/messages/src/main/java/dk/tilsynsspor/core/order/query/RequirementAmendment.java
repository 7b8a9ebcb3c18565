package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** How an appeal's decision amended a requirement: from what to what. */
public record RequirementAmendment(
        UUID appealId,
        String previousTitle,
        String title,
        String requiredChange,
        LocalDate previousDeadline,
        LocalDate deadline,
        Instant amendedAt,
        String amendedBy) {
}
