package dk.tilsynsspor.core.casework;

import dk.tilsynsspor.core.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record DevelopmentThemeChosen(
        UUID caseId,
        UUID orderId,
        UUID themeId,
        String professionalId,
        @PersonalData String theme,
        UUID requirementId) implements CaseEvent {
}
