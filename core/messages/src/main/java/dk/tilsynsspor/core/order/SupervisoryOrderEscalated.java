package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code until} and {@code requirementIds} are null in escalations stored before escalations had an end (they run
 * until the order is closed).
 */
@Revision("1")
public record SupervisoryOrderEscalated(
        UUID orderId,
        String reason,
        LocalDate until,
        List<UUID> requirementIds) implements OrderEvent {

    public SupervisoryOrderEscalated(UUID orderId, String reason) {
        this(orderId, reason, null, null);
    }
}
