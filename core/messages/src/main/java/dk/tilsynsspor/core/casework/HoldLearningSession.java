package dk.tilsynsspor.core.casework;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record HoldLearningSession(
        @TargetAggregateIdentifier UUID caseId,
        UUID sessionId,
        LocalDate heldOn,
        String facilitator,
        List<String> participantIds,
        List<UUID> requirementIds) {
}
