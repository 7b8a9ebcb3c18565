package dk.tilsynsspor.command.order;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The payload of skærpet tilsyn's persistent deadline. It names the {@code until} it was scheduled for, so that one
 * scheduled before an extension, or for an escalation ended since, is recognised as stale when it fires.
 */
record EscalationDeadline(LocalDate until) {

    static final String NAME = "escalation-until";

    /** Skærpet tilsyn runs to the end of its {@code until}, Danish time. */
    Instant passesAt() {
        return until.plusDays(1).atStartOfDay(RequirementDeadline.ZONE).toInstant();
    }
}
