package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** The authority sends the named requirements back for rework. */
public record RejectCompliance(
        @TargetAggregateIdentifier UUID orderId,
        String reason,
        List<UUID> requirementIds) {
}
