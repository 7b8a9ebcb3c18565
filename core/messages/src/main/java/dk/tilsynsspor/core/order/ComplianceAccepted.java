package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/**
 * The authority accepts the named requirements as complied with; each is settled. {@code orderAccepted}: with this
 * decision every requirement still standing is accepted. Both are null in decisions stored before reports were per
 * requirement: those accepted the whole report, and with it the order ({@link #covers}, {@link #acceptsOrder}).
 */
@Revision("1")
public record ComplianceAccepted(
        UUID orderId,
        List<UUID> requirementIds,
        Boolean orderAccepted) implements OrderEvent {

    /** An acceptance of the whole order, as every one stored before reports were per requirement. */
    public ComplianceAccepted(UUID orderId) {
        this(orderId, null, null);
    }

    public boolean covers(UUID requirementId) {
        return requirementIds == null || requirementIds.contains(requirementId);
    }

    public boolean acceptsOrder() {
        return orderAccepted == null || orderAccepted;
    }
}
