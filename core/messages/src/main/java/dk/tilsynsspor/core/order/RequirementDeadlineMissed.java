package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** Raised by the system when a requirement is not verified by its deadline. */
@Revision("1")
public record RequirementDeadlineMissed(
        UUID orderId,
        UUID requirementId,
        LocalDate deadline) implements OrderEvent {
}
