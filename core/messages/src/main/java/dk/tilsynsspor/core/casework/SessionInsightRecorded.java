package dk.tilsynsspor.core.casework;

import dk.tilsynsspor.core.privacy.PersonalData;
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
        @PersonalData String insight,
        @PersonalData String practiceChange) implements CaseEvent {
}
