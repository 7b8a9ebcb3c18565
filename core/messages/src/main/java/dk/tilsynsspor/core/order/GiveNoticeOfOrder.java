package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Partshøring (forvaltningsloven § 19) before an order: the draft of the order, as it would be imposed, and the date
 * by which the organisation may answer. {@code issuedOn} is the day the notice is given.
 */
public record GiveNoticeOfOrder(
        @TargetAggregateIdentifier UUID orderId,
        String authorityId,
        String organisationId,
        String reference,
        String legalBasis,
        LocalDate issuedOn,
        String summary,
        List<Requirement> requirements,
        LocalDate responseDue) {
}
