package dk.tilsynsspor.core.casework.query;

import java.time.Instant;
import java.util.UUID;

public record ThemeView(
        UUID themeId,
        UUID caseId,
        String professionalId,
        String theme,
        UUID requirementId,
        Instant chosenAt) {
}
