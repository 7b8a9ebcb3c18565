package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** Skærpet tilsyn reached its {@code until} neither extended nor ended (a persistent deadline; survives restarts). */
@Revision("1")
public record EscalationExpired(
        UUID orderId,
        LocalDate until) implements OrderEvent {
}
