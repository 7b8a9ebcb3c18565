package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record SupervisoryOrderClosed(
        UUID orderId,
        String reason,
        boolean withdrawn) implements OrderEvent {
}
