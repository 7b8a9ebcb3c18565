package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Revision("1")
public record SupervisoryOrderImposed(
        UUID orderId,
        String authorityId,
        String organisationId,
        String reference,
        String legalBasis,
        LocalDate issuedOn,
        String summary,
        List<Requirement> requirements) implements OrderEvent {
}
