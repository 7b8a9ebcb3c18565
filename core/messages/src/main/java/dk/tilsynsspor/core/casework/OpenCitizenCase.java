package dk.tilsynsspor.core.casework;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** A citizen is known only by a pseudonymous reference chosen by the organisation, never a CPR number. */
public record OpenCitizenCase(
        @TargetAggregateIdentifier UUID caseId,
        String organisationId,
        String citizenRef,
        UUID orderId,
        List<UUID> requirementIds) {
}
