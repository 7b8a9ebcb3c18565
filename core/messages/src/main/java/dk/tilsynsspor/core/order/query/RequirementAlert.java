package dk.tilsynsspor.core.order.query;

import java.time.LocalDate;
import java.util.UUID;

public record RequirementAlert(
        UUID orderId,
        String reference,
        UUID requirementId,
        String title,
        LocalDate deadline,
        long daysLeft,
        RequirementStatus status) {
}
