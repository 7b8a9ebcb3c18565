package dk.tilsynsspor.core.casework;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record ChooseDevelopmentTheme(
        @TargetAggregateIdentifier UUID caseId,
        UUID themeId,
        String professionalId,
        String theme,
        UUID requirementId) {
}
