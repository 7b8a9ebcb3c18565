package dk.tilsynsspor.core.order;

import java.time.LocalDate;
import java.util.UUID;

/** One numbered demand of an order: the practice change required, under which quality theme, by when. */
public record Requirement(
        UUID requirementId,
        String title,
        String requiredChange,
        QualityTheme qualityTheme,
        LocalDate deadline) {
}
