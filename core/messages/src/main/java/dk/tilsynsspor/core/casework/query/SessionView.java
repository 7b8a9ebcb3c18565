package dk.tilsynsspor.core.casework.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record SessionView(
        UUID sessionId,
        UUID caseId,
        LocalDate heldOn,
        String facilitator,
        List<String> participantIds,
        List<UUID> requirementIds,
        List<InsightView> insights) {
}
