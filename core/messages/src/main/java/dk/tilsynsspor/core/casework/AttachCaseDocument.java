package dk.tilsynsspor.core.casework;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * AttachEvidenceDocument to a case, for a requirement the case serves, by a professional on its team or a leader:
 * the event ({@link dk.tilsynsspor.core.order.EvidenceDocumentAttached}) is the case's, sealed under its key.
 */
public record AttachCaseDocument(
        @TargetAggregateIdentifier UUID caseId,
        UUID requirementId,
        UUID documentId,
        String title,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        LocalDate effectiveOn) {
}
