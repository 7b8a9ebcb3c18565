package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

public record ExtendRequirementDeadline(
        @TargetAggregateIdentifier UUID orderId,
        UUID requirementId,
        LocalDate newDeadline,
        String reason) implements RequirementCommand {
}
