package dk.tilsynsspor.core.casework;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record CloseCitizenCase(
        @TargetAggregateIdentifier UUID caseId) {
}
