package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

@Revision("1")
public record RequirementDeadlineExtended(
        UUID orderId,
        UUID requirementId,
        LocalDate previousDeadline,
        LocalDate newDeadline,
        String reason) implements OrderEvent {
}
