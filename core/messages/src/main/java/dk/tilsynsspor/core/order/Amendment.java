package dk.tilsynsspor.core.order;

import java.time.LocalDate;
import java.util.UUID;

/** A requirement as an appeal's decision amended it: its new title, required change and deadline. */
public record Amendment(
        UUID requirementId,
        String title,
        String requiredChange,
        LocalDate deadline) {
}
