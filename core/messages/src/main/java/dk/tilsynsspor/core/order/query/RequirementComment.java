package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.security.Role;

import java.time.Instant;
import java.util.UUID;

/** A remark in a requirement's thread, by an inspector or a leader. */
public record RequirementComment(
        UUID commentId,
        String text,
        Instant commentedAt,
        String commentedBy,
        Role commentedByRole) {
}
