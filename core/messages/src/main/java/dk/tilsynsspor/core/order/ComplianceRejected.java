package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/**
 * The authority sends requirements of a report back to work, each with its reason ({@code rejections});
 * {@code requirementIds} names the same requirements. Rejections stored before reports were per requirement have no
 * {@code rejections}: they rejected the whole report with one {@code reason}, sending the named requirements back to
 * work and leaving the others verified, to be reported again ({@link #wholeReport()}).
 */
@Revision("1")
public record ComplianceRejected(
        UUID orderId,
        String reason,
        List<UUID> requirementIds,
        List<Rejection> rejections) implements OrderEvent {

    /** A rejection of the whole report, as every one stored before reports were per requirement. */
    public ComplianceRejected(UUID orderId, String reason, List<UUID> requirementIds) {
        this(orderId, reason, requirementIds, null);
    }

    /** A rejection of the named requirements, each with its reason. */
    public static ComplianceRejected of(UUID orderId, List<Rejection> rejections) {
        return new ComplianceRejected(orderId, null, rejections.stream().map(Rejection::requirementId).toList(),
                List.copyOf(rejections));
    }

    public boolean wholeReport() {
        return rejections == null;
    }

    /** The reason the requirement was sent back, or null if this rejection does not send it back. */
    public String reasonFor(UUID requirementId) {
        if (rejections == null) {
            return requirementIds.contains(requirementId) ? reason : null;
        }
        return rejections.stream().filter(r -> r.requirementId().equals(requirementId)).map(Rejection::reason)
                .findFirst().orElse(null);
    }
}
