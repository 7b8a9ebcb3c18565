package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record DeadlineExtensionRefused(
        UUID orderId,
        UUID requirementId,
        UUID requestId,
        String reason) implements OrderEvent {
}
