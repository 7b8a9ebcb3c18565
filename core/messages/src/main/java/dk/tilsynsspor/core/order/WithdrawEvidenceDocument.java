package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Withdraws a document attached to one of the order's requirements: it stays in the trail, marked withdrawn. */
public record WithdrawEvidenceDocument(
        @TargetAggregateIdentifier UUID orderId,
        UUID documentId,
        String reason) {
}
