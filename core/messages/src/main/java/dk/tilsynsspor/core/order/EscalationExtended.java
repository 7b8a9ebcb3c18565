package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

@Revision("1")
public record EscalationExtended(
        UUID orderId,
        LocalDate previousUntil,
        LocalDate until,
        String reason) implements OrderEvent {
}
