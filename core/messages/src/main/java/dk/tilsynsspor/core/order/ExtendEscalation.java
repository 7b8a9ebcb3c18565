package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Skærpet tilsyn goes on: a new {@code until}, at most six months after the current one. */
public record ExtendEscalation(
        @TargetAggregateIdentifier UUID orderId,
        LocalDate until,
        String reason) {
}
