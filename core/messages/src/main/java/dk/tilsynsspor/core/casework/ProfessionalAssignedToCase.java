package dk.tilsynsspor.core.casework;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * {@code homeOrganisationId}: the organisation the professional belongs to, which may differ from the case's
 * (second round: cross-sector teams); null in assignments stored before, which were of the case's organisation.
 */
@Revision("1")
public record ProfessionalAssignedToCase(
        UUID caseId,
        UUID orderId,
        String professionalId,
        String name,
        String discipline,
        String sector,
        String role,
        String homeOrganisationId) implements CaseEvent {

    /** An assignment within the case's own organisation, as every one stored before cross-sector teams. */
    public ProfessionalAssignedToCase(UUID caseId, UUID orderId, String professionalId, String name,
                                      String discipline, String sector, String role) {
        this(caseId, orderId, professionalId, name, discipline, sector, role, null);
    }

    /** The professional's home organisation: the one named, else the case's. */
    public String homeOrganisationOr(String caseOrganisationId) {
        return homeOrganisationId == null ? caseOrganisationId : homeOrganisationId;
    }
}
