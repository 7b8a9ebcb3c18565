package dk.tilsynsspor.core.casework.query;

import java.time.Instant;
import java.util.UUID;

/** An insight and its agreed practice change; {@code followUp}: its latest follow-up, or null. */
public record InsightView(
        UUID insightId,
        UUID caseId,
        UUID sessionId,
        String professionalId,
        UUID requirementId,
        String insight,
        String practiceChange,
        Instant recordedAt,
        PracticeFollowUp followUp) {

    public InsightView followedUp(PracticeFollowUp latest) {
        return new InsightView(insightId, caseId, sessionId, professionalId, requirementId, insight, practiceChange,
                recordedAt, latest);
    }
}
