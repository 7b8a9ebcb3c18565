package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record AcceptCompliance(
        @TargetAggregateIdentifier UUID orderId) {
}
