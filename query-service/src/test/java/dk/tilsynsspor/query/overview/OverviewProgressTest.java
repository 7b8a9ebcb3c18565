package dk.tilsynsspor.query.overview;

import dk.tilsynsspor.core.casework.DimensionScore;
import dk.tilsynsspor.core.casework.query.CaseView;
import dk.tilsynsspor.core.casework.query.ProgressAssessment;
import dk.tilsynsspor.core.casework.query.SessionView;
import dk.tilsynsspor.core.order.query.DimensionProgress;
import dk.tilsynsspor.core.order.query.SessionCadence;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OverviewProgressTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    private static CaseView kase(String citizen, List<LocalDate> sessions, List<ProgressAssessment> assessments) {
        UUID caseId = UUID.randomUUID();
        return new CaseView(caseId, UUID.randomUUID(), "kk-handicap", citizen, List.of(), false, List.of(), List.of(),
                sessions.stream().map(day -> new SessionView(UUID.randomUUID(), caseId, day, "f", List.of(),
                        List.of(), List.of())).toList(), assessments, List.of());
    }

    private static ProgressAssessment assessed(LocalDate on, DimensionScore... scores) {
        return new ProgressAssessment(UUID.randomUUID(), on, List.of(scores), null, "paedagog", Instant.EPOCH);
    }

    @Test
    void theCaseWhoseTeamMetLongestAgoComesFirstAndOneWithoutSessionsBeforeAll() {
        List<SessionCadence> cadence = OverviewQueries.cadence(List.of(
                kase("a", List.of(TODAY.minusDays(40), TODAY.minusDays(3)), List.of()),
                kase("b", List.of(TODAY.minusDays(20)), List.of()),
                kase("c", List.of(), List.of())), TODAY);
        assertThat(cadence).extracting(SessionCadence::citizenRef).containsExactly("c", "b", "a");
        assertThat(cadence.get(2).sessions()).isEqualTo(2);
        assertThat(cadence.get(2).daysSinceLastSession()).isEqualTo(3);
        assertThat(cadence.get(0).lastSessionOn()).isNull();
    }

    @Test
    void progressionAveragesEachCasesFirstAndLatestScorePerDimension() {
        List<DimensionProgress> progression = OverviewQueries.progression(List.of(
                kase("a", List.of(), List.of(assessed(TODAY.minusDays(60), new DimensionScore("Bolig", 3)),
                        assessed(TODAY.minusDays(30), new DimensionScore("Bolig", 5)),
                        assessed(TODAY, new DimensionScore("Bolig", 7), new DimensionScore("Netværk", 4)))),
                kase("b", List.of(), List.of(assessed(TODAY, new DimensionScore("Bolig", 5))))));
        assertThat(progression).containsExactly(new DimensionProgress("Bolig", 2, 4.0, 6.0),
                new DimensionProgress("Netværk", 1, 4.0, 4.0));
    }
}
