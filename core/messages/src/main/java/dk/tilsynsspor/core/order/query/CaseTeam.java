package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.casework.query.TeamMember;

import java.util.List;
import java.util.UUID;

/**
 * The team of one of the organisation's open cases; {@code orderId} is the open order the case serves, or null for a
 * case serving none (never linked, unlinked, or going on after its order was closed).
 */
public record CaseTeam(
        UUID caseId,
        UUID orderId,
        String citizenRef,
        List<TeamMember> team) {
}
