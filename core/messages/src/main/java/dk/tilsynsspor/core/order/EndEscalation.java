package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The authority ends skærpet tilsyn before its {@code until}. */
public record EndEscalation(
        @TargetAggregateIdentifier UUID orderId,
        String reason) {
}
