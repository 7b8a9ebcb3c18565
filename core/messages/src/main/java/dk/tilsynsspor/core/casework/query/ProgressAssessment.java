package dk.tilsynsspor.core.casework.query;

import dk.tilsynsspor.core.casework.DimensionScore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One assessment of the citizen's progress; its scores are empty and its note erased once the citizen is forgotten. */
public record ProgressAssessment(
        UUID assessmentId,
        LocalDate assessedOn,
        List<DimensionScore> scores,
        String note,
        String assessedBy,
        Instant recordedAt) {
}
