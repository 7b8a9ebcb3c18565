package dk.tilsynsspor.core.order;

import dk.tilsynsspor.core.privacy.CaseScoped;
import dk.tilsynsspor.core.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** A document withdrawn as evidence: still downloadable for the trail, marked withdrawn; no verification may cite it. */
@Revision("1")
public record EvidenceDocumentWithdrawn(
        UUID orderId,
        UUID requirementId,
        UUID caseId,
        UUID documentId,
        String withdrawnBy,
        @PersonalData String reason) implements OrderEvent, CaseScoped {
}
