package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record VerifyQualityImprovement(
        @TargetAggregateIdentifier UUID orderId,
        UUID requirementId,
        boolean goalMet,
        String conclusion,
        Evidence evidence) implements RequirementCommand {
}
