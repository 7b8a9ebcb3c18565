package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The order's latest skærpet tilsyn: since when, why, until which date (null for one stored before escalations had
 * an end), the requirements that must be settled to end it, its extensions, and how it ended ({@code ENDED} by the
 * authority, {@code EXPIRED} at its date; null while it runs).
 */
public record Escalation(
        String reason,
        Instant escalatedAt,
        String escalatedBy,
        LocalDate until,
        List<UUID> requirementIds,
        int extensions,
        String ending,
        String endReason,
        Instant endedAt) {

    public boolean running() {
        return ending == null;
    }

    public Escalation extended(LocalDate newUntil) {
        return new Escalation(reason, escalatedAt, escalatedBy, newUntil, requirementIds, extensions + 1, null,
                null, null);
    }

    public Escalation ended(String how, String why, Instant at) {
        return new Escalation(reason, escalatedAt, escalatedBy, until, requirementIds, extensions, how, why, at);
    }
}
