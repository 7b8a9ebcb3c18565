package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A leader attaches a document to a requirement as evidence. The bytes are stored beside the event by the route that
 * received them; the command carries what the event keeps of them: type, size and {@code sha256}.
 */
public record AttachEvidenceDocument(
        @TargetAggregateIdentifier UUID orderId,
        UUID requirementId,
        UUID documentId,
        String title,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        LocalDate effectiveOn) implements RequirementCommand {
}
