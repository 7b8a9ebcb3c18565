package dk.tilsynsspor.core.casework;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/**
 * The case now also serves these requirements of {@code orderId}: its themes, sessions and insights may serve them,
 * and its events belong to that order's trail from now on (the earlier ones are shown there too).
 */
@Revision("1")
public record CaseLinkedToRequirements(
        UUID caseId,
        UUID orderId,
        List<UUID> requirementIds) implements CaseEvent {
}
