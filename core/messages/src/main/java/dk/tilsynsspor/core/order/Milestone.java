package dk.tilsynsspor.core.order;

import java.time.LocalDate;

/** A step of an action plan and when it is due. */
public record Milestone(
        String description,
        LocalDate dueOn) {
}
