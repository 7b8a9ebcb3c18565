package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The authority imposes no order after all (e.g. the answer shows how things will be put right); final. */
public record LetNoticeLapse(
        @TargetAggregateIdentifier UUID orderId,
        String reason) {
}
