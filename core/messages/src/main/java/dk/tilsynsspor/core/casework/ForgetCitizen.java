package dk.tilsynsspor.core.casework;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Erase the citizen of a case (GDPR art. 17): destroys the key of the case's personal data. */
public record ForgetCitizen(
        @TargetAggregateIdentifier UUID caseId,
        String reason) {
}
