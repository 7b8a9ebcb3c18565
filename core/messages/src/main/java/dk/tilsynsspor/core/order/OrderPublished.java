package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record OrderPublished(
        UUID orderId,
        UUID publicationId,
        String place,
        String url) implements OrderEvent {
}
