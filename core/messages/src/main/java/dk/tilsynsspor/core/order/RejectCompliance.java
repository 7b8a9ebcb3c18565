package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** The authority sends reported requirements back to work, each with its reason. */
public record RejectCompliance(
        @TargetAggregateIdentifier UUID orderId,
        List<Rejection> rejections) {
}
