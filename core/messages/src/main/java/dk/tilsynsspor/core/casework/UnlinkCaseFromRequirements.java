package dk.tilsynsspor.core.casework;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** A leader takes requirements off what a case serves; with none left the case serves no order. */
public record UnlinkCaseFromRequirements(
        @TargetAggregateIdentifier UUID caseId,
        UUID orderId,
        List<UUID> requirementIds) {
}
