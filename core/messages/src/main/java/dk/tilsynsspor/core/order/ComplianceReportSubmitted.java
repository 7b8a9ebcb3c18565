package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/**
 * A report on the named requirements, each verified as met. {@code requirementIds} is null in reports stored before
 * reports were per requirement: those reported every requirement of the order ({@link #covers}).
 */
@Revision("1")
public record ComplianceReportSubmitted(
        UUID orderId,
        String summary,
        List<UUID> requirementIds) implements OrderEvent {

    /** A report of every requirement, as every one stored before reports were per requirement. */
    public ComplianceReportSubmitted(UUID orderId, String summary) {
        this(orderId, summary, null);
    }

    /** Whether the report covers the requirement. */
    public boolean covers(UUID requirementId) {
        return requirementIds == null || requirementIds.contains(requirementId);
    }
}
