package dk.tilsynsspor.core.casework.query;

import java.time.Instant;
import java.time.LocalDate;

/** The latest follow-up of an insight's agreed practice change: adopted in daily work (on which day) or not yet. */
public record PracticeFollowUp(
        boolean adopted,
        LocalDate adoptedOn,
        String note,
        Instant followedUpAt,
        String followedUpBy) {
}
