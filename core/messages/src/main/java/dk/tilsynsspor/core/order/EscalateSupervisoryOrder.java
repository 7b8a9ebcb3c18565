package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Skærpet tilsyn (socialtilsynsloven § 8): for at most six months at a time, {@code until} the date it ends unless
 * extended or ended, and which requirements must be settled to end it (none named: all of them).
 */
public record EscalateSupervisoryOrder(
        @TargetAggregateIdentifier UUID orderId,
        String reason,
        LocalDate until,
        List<UUID> requirementIds) {

    /** As sent before escalations had an end: without one. */
    public EscalateSupervisoryOrder(UUID orderId, String reason) {
        this(orderId, reason, null, List.of());
    }
}
