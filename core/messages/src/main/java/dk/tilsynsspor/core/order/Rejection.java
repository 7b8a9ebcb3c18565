package dk.tilsynsspor.core.order;

import java.util.UUID;

/** One requirement of a report the authority does not accept, and why: it goes back to work. */
public record Rejection(
        UUID requirementId,
        String reason) {
}
