package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The organisation's request for a later deadline and the authority's answer: granted (the deadline was extended,
 * perhaps to another date than proposed) or refused with a reason; the answer's fields are null while open.
 */
public record DeadlineExtensionRequest(
        UUID requestId,
        LocalDate currentDeadline,
        LocalDate proposedDeadline,
        String reason,
        Instant requestedAt,
        String requestedBy,
        ExtensionRequestStatus status,
        String answer,
        LocalDate grantedDeadline,
        Instant answeredAt,
        String answeredBy) {

    public DeadlineExtensionRequest answered(ExtensionRequestStatus status, String answer, LocalDate granted,
                                             Instant at, String by) {
        return new DeadlineExtensionRequest(requestId, currentDeadline, proposedDeadline, reason, requestedAt,
                requestedBy, status, answer, granted, at, by);
    }
}
