package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The authority ends the order, stating its outcome; only {@code COMPLIED} needs no reason. */
public record CloseSupervisoryOrder(
        @TargetAggregateIdentifier UUID orderId,
        String reason,
        OrderOutcome outcome) {
}
