package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record ImposeSupervisoryOrder(
        @TargetAggregateIdentifier UUID orderId,
        String authorityId,
        String organisationId,
        String reference,
        String legalBasis,
        LocalDate issuedOn,
        String summary,
        List<Requirement> requirements) {
}
