package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** {@code requestId}: the extension request it grants, or null (none, or stored before requests existed). */
@Revision("1")
public record RequirementDeadlineExtended(
        UUID orderId,
        UUID requirementId,
        LocalDate previousDeadline,
        LocalDate newDeadline,
        String reason,
        UUID requestId) implements OrderEvent {

    /** An extension that answers no request (as every one stored before requests existed). */
    public RequirementDeadlineExtended(UUID orderId, UUID requirementId, LocalDate previousDeadline,
                                       LocalDate newDeadline, String reason) {
        this(orderId, requirementId, previousDeadline, newDeadline, reason, null);
    }
}
