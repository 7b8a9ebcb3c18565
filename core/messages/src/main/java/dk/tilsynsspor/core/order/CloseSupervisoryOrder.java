package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** After acceptance; before it, the order is withdrawn and needs a reason. */
public record CloseSupervisoryOrder(
        @TargetAggregateIdentifier UUID orderId,
        String reason) {
}
