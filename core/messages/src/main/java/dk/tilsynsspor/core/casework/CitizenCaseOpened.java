package dk.tilsynsspor.core.casework;

import dk.tilsynsspor.core.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

@Revision("1")
public record CitizenCaseOpened(
        UUID caseId,
        UUID orderId,
        String organisationId,
        @PersonalData String citizenRef,
        List<UUID> requirementIds) implements CaseEvent {
}
