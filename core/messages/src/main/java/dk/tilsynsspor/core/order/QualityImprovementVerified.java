package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record QualityImprovementVerified(
        UUID orderId,
        UUID requirementId,
        boolean goalMet,
        String conclusion,
        Evidence evidence) implements OrderEvent {
}
