package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What proves to the inspector how each required change of one order was followed up. */
public record ComplianceDossier(
        UUID orderId,
        String reference,
        String authorityId,
        String organisationId,
        String legalBasis,
        LocalDate issuedOn,
        String summary,
        OrderStatus status,
        boolean escalated,
        Instant imposedAt,
        Instant asOf,
        List<RequirementDossier> requirements) {
}
