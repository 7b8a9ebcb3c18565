package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** The organisation asks the authority for a later deadline (socialtilsynsloven § 8: at the tilbud's request). */
public record RequestDeadlineExtension(
        @TargetAggregateIdentifier UUID orderId,
        UUID requirementId,
        UUID requestId,
        LocalDate proposedDeadline,
        String reason) implements RequirementCommand {
}
