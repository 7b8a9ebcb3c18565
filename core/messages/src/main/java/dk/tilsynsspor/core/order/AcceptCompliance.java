package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** {@code requirementIds} empty or null: every requirement awaiting the authority's decision. */
public record AcceptCompliance(
        @TargetAggregateIdentifier UUID orderId,
        List<UUID> requirementIds) {

    public AcceptCompliance(UUID orderId) {
        this(orderId, null);
    }
}
