package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record ActionPlanReviewed(
        UUID orderId,
        UUID requirementId,
        int version,
        PlanVerdict verdict,
        String remarks) implements OrderEvent {
}
