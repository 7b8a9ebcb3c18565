package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The organisation complained to Ankestyrelsen about the order: when, and the requirements appealed (none named:
 * every requirement still standing that no open appeal holds). Registered by the organisation's leader or the
 * authority's inspector.
 */
public record RegisterAppeal(
        @TargetAggregateIdentifier UUID orderId,
        UUID appealId,
        LocalDate lodgedOn,
        List<UUID> requirementIds) {
}
