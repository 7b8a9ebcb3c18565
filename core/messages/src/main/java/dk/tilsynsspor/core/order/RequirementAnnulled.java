package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** An appeal's decision annulled the requirement: settled, nothing more to follow up. */
@Revision("1")
public record RequirementAnnulled(
        UUID orderId,
        UUID requirementId,
        UUID appealId) implements OrderEvent {
}
