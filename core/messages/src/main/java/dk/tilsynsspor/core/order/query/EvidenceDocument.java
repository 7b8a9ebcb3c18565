package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.order.EvidenceDocumentAttached;
import dk.tilsynsspor.core.order.EvidenceDocumentWithdrawn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A document attached as evidence, as its events tell it: on the requirement itself ({@code caseId} null) or on a
 * case serving it. {@code sha256} is the hash the event keeps (lower-case hex): the file served by
 * {@code GET /api/documents/{documentId}} must have it. A withdrawn document stays listed and downloadable.
 */
public record EvidenceDocument(
        UUID documentId,
        UUID requirementId,
        UUID caseId,
        String title,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        LocalDate effectiveOn,
        Instant attachedAt,
        String attachedBy,
        boolean withdrawn,
        Instant withdrawnAt,
        String withdrawnBy,
        String withdrawalReason) {

    public static EvidenceDocument of(EvidenceDocumentAttached e, Instant at) {
        return new EvidenceDocument(e.documentId(), e.requirementId(), e.caseId(), e.title(), e.fileName(),
                e.mediaType(), e.size(), e.sha256(), e.effectiveOn(), at, e.attachedBy(), false, null, null, null);
    }

    public EvidenceDocument withdrawn(EvidenceDocumentWithdrawn e, Instant at) {
        return new EvidenceDocument(documentId, requirementId, caseId, title, fileName, mediaType, size, sha256,
                effectiveOn, attachedAt, attachedBy, true, at, e.withdrawnBy(), e.reason());
    }
}
