package dk.tilsynsspor.core.casework;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The team's assessment of the citizen's progress on the organisation's dimensions, 1 to 10 each, with a note. */
public record AssessCitizenProgress(
        @TargetAggregateIdentifier UUID caseId,
        UUID assessmentId,
        LocalDate assessedOn,
        List<DimensionScore> scores,
        String note) {
}
