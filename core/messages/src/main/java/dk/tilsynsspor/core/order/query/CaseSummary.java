package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.casework.query.TeamMember;

import java.util.List;
import java.util.UUID;

public record CaseSummary(
        UUID caseId,
        String citizenRef,
        List<UUID> requirementIds,
        List<TeamMember> team,
        boolean closed) {
}
