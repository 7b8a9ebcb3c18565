package dk.tilsynsspor.core.casework;

import dk.tilsynsspor.core.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code scores}: {@link DimensionScore#encode encoded}, and sealed with {@code note} under the case's key: it tells
 * about the citizen, and forgetting the citizen erases it ({@link #scoreList()} is then empty).
 */
@Revision("1")
public record CitizenProgressAssessed(
        UUID caseId,
        UUID orderId,
        UUID assessmentId,
        String assessedBy,
        LocalDate assessedOn,
        @PersonalData String scores,
        @PersonalData String note) implements CaseEvent {

    public List<DimensionScore> scoreList() {
        return DimensionScore.decode(scores);
    }
}
