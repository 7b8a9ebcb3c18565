package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record NoticeLapsed(
        UUID orderId,
        String reason) implements OrderEvent {
}
