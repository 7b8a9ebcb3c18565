package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * The authority publishes the order while it stands (socialtilsynsloven § 8: on Tilbudsportalen): where
 * ({@code TILBUDSPORTALEN}, {@code STPS} or another named place) and the link to it.
 */
public record PublishOrder(
        @TargetAggregateIdentifier UUID orderId,
        UUID publicationId,
        String place,
        String url) {
}
