package dk.tilsynsspor.command.lookup;

import java.util.Optional;
import java.util.UUID;

/** The evidence documents, as the command side knows them: for verifications citing them and withdrawals by id. */
public interface DocumentDirectory {

    /** Where a document was attached: for which order and requirement, on which case (null: on the requirement). */
    record AttachedDocument(UUID documentId, UUID orderId, UUID requirementId, UUID caseId, boolean withdrawn) {
    }

    Optional<AttachedDocument> findDocument(UUID documentId);
}
