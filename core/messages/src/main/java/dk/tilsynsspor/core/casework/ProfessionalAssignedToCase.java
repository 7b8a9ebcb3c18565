package dk.tilsynsspor.core.casework;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record ProfessionalAssignedToCase(
        UUID caseId,
        UUID orderId,
        String professionalId,
        String name,
        String discipline,
        String sector,
        String role) implements CaseEvent {
}
