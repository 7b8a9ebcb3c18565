package dk.tilsynsspor.core.casework;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record DevelopmentThemeChosen(
        UUID caseId,
        UUID orderId,
        UUID themeId,
        String professionalId,
        String theme,
        UUID requirementId) implements CaseEvent {
}
