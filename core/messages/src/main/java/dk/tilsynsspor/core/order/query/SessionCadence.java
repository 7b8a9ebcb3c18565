package dk.tilsynsspor.core.order.query;

import java.time.LocalDate;
import java.util.UUID;

/** How often a case's team meets: its learning sessions, the last one, and the days since (null: none yet). */
public record SessionCadence(
        UUID caseId,
        String citizenRef,
        int sessions,
        LocalDate lastSessionOn,
        Long daysSinceLastSession) {
}
