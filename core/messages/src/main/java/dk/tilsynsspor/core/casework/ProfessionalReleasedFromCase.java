package dk.tilsynsspor.core.casework;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record ProfessionalReleasedFromCase(
        UUID caseId,
        UUID orderId,
        String professionalId) implements CaseEvent {
}
