package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** The appeal is decided; amended and annulled requirements follow as events of their own. */
@Revision("1")
public record AppealDecided(
        UUID orderId,
        UUID appealId,
        AppealOutcome outcome,
        LocalDate decidedOn,
        String reason) implements OrderEvent {
}
