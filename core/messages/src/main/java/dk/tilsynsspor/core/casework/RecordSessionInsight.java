package dk.tilsynsspor.core.casework;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record RecordSessionInsight(
        @TargetAggregateIdentifier UUID caseId,
        UUID sessionId,
        UUID insightId,
        String professionalId,
        UUID requirementId,
        String insight,
        String practiceChange) {
}
