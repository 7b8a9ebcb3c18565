package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** The organisation's answer to a notice, with how it will put right any draft requirement. */
public record RespondToNotice(
        @TargetAggregateIdentifier UUID orderId,
        String response,
        List<Remedy> remedies) {
}
