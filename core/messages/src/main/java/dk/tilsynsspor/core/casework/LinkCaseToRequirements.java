package dk.tilsynsspor.core.casework;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** A leader links a case to requirements of an open order of its organisation (second round, part 4). */
public record LinkCaseToRequirements(
        @TargetAggregateIdentifier UUID caseId,
        UUID orderId,
        List<UUID> requirementIds) {
}
