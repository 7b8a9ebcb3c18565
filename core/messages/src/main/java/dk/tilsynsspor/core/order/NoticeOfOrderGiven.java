package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The order's trail starts here when the authority gives notice first: the draft requirements, the answer's date. */
@Revision("1")
public record NoticeOfOrderGiven(
        UUID orderId,
        String authorityId,
        String organisationId,
        String reference,
        String legalBasis,
        LocalDate issuedOn,
        String summary,
        List<Requirement> requirements,
        LocalDate responseDue) implements OrderEvent {
}
