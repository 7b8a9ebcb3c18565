package dk.tilsynsspor.core.casework.query;

import java.time.Instant;

/** {@code homeOrganisationId}: the organisation the professional belongs to (the case's, or another sector's). */
public record TeamMember(
        String professionalId,
        String name,
        String discipline,
        String sector,
        String role,
        Instant assignedAt,
        String homeOrganisationId) {
}
