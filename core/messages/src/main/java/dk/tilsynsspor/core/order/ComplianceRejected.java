package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

@Revision("1")
public record ComplianceRejected(
        UUID orderId,
        String reason,
        List<UUID> requirementIds) implements OrderEvent {
}
