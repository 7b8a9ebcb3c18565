package dk.tilsynsspor.core.casework.query;

import java.time.Instant;
import java.util.UUID;

public record InsightView(
        UUID insightId,
        UUID caseId,
        UUID sessionId,
        String professionalId,
        UUID requirementId,
        String insight,
        String practiceChange,
        Instant recordedAt) {
}
