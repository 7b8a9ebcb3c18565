package dk.tilsynsspor.core.casework.query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

public record SessionView(
        UUID sessionId,
        UUID caseId,
        LocalDate heldOn,
        String facilitator,
        List<String> participantIds,
        List<UUID> requirementIds,
        List<InsightView> insights) {

    /** The day the latest of {@code sessions} was held; null if none (or none with a day). */
    public static LocalDate latestHeldOn(Collection<SessionView> sessions) {
        return sessions.stream().map(SessionView::heldOn).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
    }
}
