package dk.tilsynsspor.core.casework.query;

import java.time.Instant;

public record TeamMember(
        String professionalId,
        String name,
        String discipline,
        String sector,
        String role,
        Instant assignedAt) {
}
