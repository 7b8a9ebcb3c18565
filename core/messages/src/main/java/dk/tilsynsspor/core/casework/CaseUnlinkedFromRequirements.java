package dk.tilsynsspor.core.casework;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/**
 * The case no longer serves these requirements of {@code orderId}; when it serves none of the order's, it serves no
 * order, and its later events form a trail of its own (what it did for the order stays in the order's trail).
 */
@Revision("1")
public record CaseUnlinkedFromRequirements(
        UUID caseId,
        UUID orderId,
        List<UUID> requirementIds) implements CaseEvent {
}
