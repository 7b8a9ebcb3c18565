package dk.tilsynsspor.core.casework;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Whether an insight's agreed practice change was adopted in daily work, on which day, with a note. */
public record FollowUpPracticeChange(
        @TargetAggregateIdentifier UUID caseId,
        UUID sessionId,
        UUID insightId,
        String professionalId,
        Boolean adopted,
        LocalDate adoptedOn,
        String note) {
}
