package dk.tilsynsspor.core.casework;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record AssignProfessionalToCase(
        @TargetAggregateIdentifier UUID caseId,
        String professionalId,
        String name,
        String discipline,
        String sector,
        String role) {
}
