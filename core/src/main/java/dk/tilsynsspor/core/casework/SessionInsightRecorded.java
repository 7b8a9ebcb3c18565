package dk.tilsynsspor.core.casework;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record SessionInsightRecorded(
        UUID caseId,
        UUID orderId,
        UUID sessionId,
        UUID insightId,
        String professionalId,
        UUID requirementId,
        String insight,
        String practiceChange) implements CaseEvent {
}
