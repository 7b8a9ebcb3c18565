package dk.tilsynsspor.core.casework;

import dk.tilsynsspor.core.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** The follow-up of an insight's agreed practice change; a later one supersedes an earlier. */
@Revision("1")
public record PracticeChangeFollowedUp(
        UUID caseId,
        UUID orderId,
        UUID sessionId,
        UUID insightId,
        String professionalId,
        UUID requirementId,
        boolean adopted,
        LocalDate adoptedOn,
        @PersonalData String note) implements CaseEvent {
}
