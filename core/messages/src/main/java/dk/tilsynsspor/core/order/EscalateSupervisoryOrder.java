package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Skærpet tilsyn. */
public record EscalateSupervisoryOrder(
        @TargetAggregateIdentifier UUID orderId,
        String reason) {
}
