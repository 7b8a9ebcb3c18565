package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record OrderSummary(
        UUID orderId,
        String reference,
        String authorityId,
        String organisationId,
        LocalDate issuedOn,
        OrderStatus status,
        boolean escalated,
        Instant imposedAt) {
}
