package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.order.QualityTheme;

import java.time.LocalDate;
import java.util.UUID;

/** One requirement of an order and how far it is followed up. {@code daysLeft} is negative once overdue. */
public record RequirementDossier(
        UUID requirementId,
        int number,
        String title,
        String requiredChange,
        QualityTheme qualityTheme,
        LocalDate deadline,
        long daysLeft,
        RequirementStatus status) {
}
