package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record RequirementCommented(
        UUID orderId,
        UUID requirementId,
        UUID commentId,
        String text) implements OrderEvent {
}
