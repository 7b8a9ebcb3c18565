package dk.tilsynsspor.core.casework.query;

import java.util.List;
import java.util.UUID;

/** A citizen case: its team, development themes, learning sessions and the insights recorded in them. */
public record CaseView(
        UUID caseId,
        UUID orderId,
        String organisationId,
        String citizenRef,
        List<UUID> requirementIds,
        boolean closed,
        List<TeamMember> team,
        List<ThemeView> themes,
        List<SessionView> sessions,
        List<ProgressAssessment> assessments,
        List<dk.tilsynsspor.core.order.query.EvidenceDocument> documents) {
}
