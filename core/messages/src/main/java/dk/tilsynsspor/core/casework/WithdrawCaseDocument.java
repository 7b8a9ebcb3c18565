package dk.tilsynsspor.core.casework;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** WithdrawEvidenceDocument for a document attached to a case: by whoever attached it, or a leader. */
public record WithdrawCaseDocument(
        @TargetAggregateIdentifier UUID caseId,
        UUID documentId,
        String reason) {
}
