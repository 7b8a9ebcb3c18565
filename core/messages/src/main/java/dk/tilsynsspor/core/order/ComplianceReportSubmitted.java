package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record ComplianceReportSubmitted(
        UUID orderId,
        String summary) implements OrderEvent {
}
