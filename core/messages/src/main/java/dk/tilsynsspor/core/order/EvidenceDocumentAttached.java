package dk.tilsynsspor.core.order;

import dk.tilsynsspor.core.privacy.CaseScoped;
import dk.tilsynsspor.core.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A document attached as evidence for a requirement: to the requirement itself (by a leader; {@code caseId} null)
 * or to a case serving it (its title and file name then sealed under the case's key, the bytes too). The event
 * carries the bytes' {@code sha256} (lower-case hex), so the order's hash chain vouches for the file kept beside it.
 * {@code effectiveOn} is the day the document is in force, not the upload day.
 */
@Revision("1")
public record EvidenceDocumentAttached(
        UUID orderId,
        UUID requirementId,
        UUID caseId,
        UUID documentId,
        String attachedBy,
        @PersonalData String title,
        @PersonalData String fileName,
        String mediaType,
        long size,
        String sha256,
        LocalDate effectiveOn) implements OrderEvent, CaseScoped {
}
