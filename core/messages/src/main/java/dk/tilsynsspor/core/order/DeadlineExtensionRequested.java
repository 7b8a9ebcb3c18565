package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

@Revision("1")
public record DeadlineExtensionRequested(
        UUID orderId,
        UUID requirementId,
        UUID requestId,
        LocalDate currentDeadline,
        LocalDate proposedDeadline,
        String reason) implements OrderEvent {
}
