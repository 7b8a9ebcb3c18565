package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An appeal's decision amended the requirement: new title, required change and deadline. What was verified or
 * reported of the old text no longer counts: the requirement is followed up again.
 */
@Revision("1")
public record RequirementAmended(
        UUID orderId,
        UUID requirementId,
        UUID appealId,
        String title,
        String requiredChange,
        LocalDate previousDeadline,
        LocalDate deadline) implements OrderEvent {
}
