package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.deadline.DanishCalendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;
import java.util.UUID;

/**
 * The payload of a requirement's persistent deadline. It names the deadline it was scheduled for, so that one
 * scheduled before an extension, or for a requirement verified since, is recognised as stale when it fires.
 */
record RequirementDeadline(UUID requirementId, LocalDate deadline) {

    static final String NAME = "requirement-deadline";
    /** Orders are issued under Danish law: a deadline is the end of that calendar day in Denmark. */
    static final ZoneId ZONE = DanishCalendar.ZONE;

    Instant passesAt() {
        return deadline.plusDays(1).atStartOfDay(ZONE).toInstant();
    }
}
