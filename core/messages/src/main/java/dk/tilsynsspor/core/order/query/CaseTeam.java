package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.casework.query.TeamMember;

import java.util.List;
import java.util.UUID;

public record CaseTeam(
        UUID caseId,
        UUID orderId,
        String citizenRef,
        List<TeamMember> team) {
}
