package dk.tilsynsspor.core.casework;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record AssignProfessionalToCase(
        @TargetAggregateIdentifier UUID caseId,
        String professionalId,
        String name,
        String discipline,
        String sector,
        String role,
        String homeOrganisationId) {

    /** A professional of the case's own organisation. */
    public AssignProfessionalToCase(UUID caseId, String professionalId, String name, String discipline,
                                    String sector, String role) {
        this(caseId, professionalId, name, discipline, sector, role, null);
    }
}
