package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The authority takes a publication down, saying why; also (and above all) once the order has ended. */
public record UnpublishOrder(
        @TargetAggregateIdentifier UUID orderId,
        UUID publicationId,
        String reason) {
}
