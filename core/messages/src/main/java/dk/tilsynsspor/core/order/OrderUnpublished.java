package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record OrderUnpublished(
        UUID orderId,
        UUID publicationId,
        String reason) implements OrderEvent {
}
