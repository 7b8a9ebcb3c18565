package dk.tilsynsspor.query.overview;

import dk.tilsynsspor.core.casework.query.CaseView;
import dk.tilsynsspor.core.casework.query.InsightView;
import dk.tilsynsspor.core.casework.query.SessionView;
import dk.tilsynsspor.core.casework.query.TeamMember;
import dk.tilsynsspor.core.order.query.ParticipationElsewhere;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leaders of a professional's home organisation see the part they take on other organisations' cases (second
 * round, part 4), and only that: not the host's own professionals, not their own organisation's cases twice, not
 * closed cases nor cases they have left.
 */
class ParticipationElsewhereTest {

    private static final String REGION = "region-h-psykiatri";
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private static TeamMember member(String id, String home) {
        return new TeamMember(id, "Navn " + id, "psykolog", "regionspsykiatri", "supervision", Instant.EPOCH, home);
    }

    private static SessionView session(UUID caseId, LocalDate heldOn, List<String> participants, String... insightsBy) {
        UUID sessionId = UUID.randomUUID();
        List<InsightView> insights = java.util.Arrays.stream(insightsBy).map(by -> new InsightView(UUID.randomUUID(),
                caseId, sessionId, by, null, "indsigt", "ændring", Instant.EPOCH, null)).toList();
        return new SessionView(sessionId, caseId, heldOn, "f", participants, List.of(), insights);
    }

    private static CaseView kase(String organisation, boolean closed, List<TeamMember> team,
                                 java.util.function.Function<UUID, List<SessionView>> sessions) {
        UUID caseId = UUID.randomUUID();
        return new CaseView(caseId, null, organisation, "borger-" + caseId, List.of(), closed, team, List.of(),
                sessions.apply(caseId), List.of(), List.of());
    }

    @Test
    void eachOwnProfessionalOnAnotherOrganisationsOpenCasesIsCountedPerCaseOrganisation() {
        CaseView first = kase("kk-handicap", false, List.of(member("paedagog", "kk-handicap"),
                member("psykolog-region", REGION)), id -> List.of(
                session(id, DAY, List.of("paedagog", "psykolog-region"), "psykolog-region", "paedagog"),
                session(id, DAY.plusDays(30), List.of("paedagog"), "paedagog")));
        CaseView second = kase("kk-handicap", false, List.of(member("psykolog-region", REGION)), id -> List.of(
                session(id, DAY.plusDays(10), List.of("psykolog-region"), "psykolog-region", "psykolog-region")));
        CaseView thirdOrganisation = kase("aarhus-psykiatri", false, List.of(member("psykolog-region", REGION)),
                id -> List.of());

        List<ParticipationElsewhere> parts = OverviewQueries.participationElsewhere(REGION,
                List.of(first, second, thirdOrganisation));

        assertThat(parts).containsExactly(
                new ParticipationElsewhere("psykolog-region", "Navn psykolog-region", "aarhus-psykiatri", 1, 0, 0,
                        null),
                new ParticipationElsewhere("psykolog-region", "Navn psykolog-region", "kk-handicap", 2, 2, 3,
                        DAY.plusDays(10)));
    }

    @Test
    void closedCasesTheOrganisationsOwnCasesAndCasesTheProfessionalLeftAreNotCounted() {
        CaseView closed = kase("kk-handicap", true, List.of(member("psykolog-region", REGION)),
                id -> List.of(session(id, DAY, List.of("psykolog-region"))));
        CaseView own = kase(REGION, false, List.of(member("psykolog-region", REGION)),
                id -> List.of(session(id, DAY, List.of("psykolog-region"))));
        CaseView left = kase("kk-handicap", false, List.of(member("paedagog", "kk-handicap")),
                id -> List.of(session(id, DAY, List.of("psykolog-region", "paedagog"))));

        assertThat(OverviewQueries.participationElsewhere(REGION, List.of(closed, own, left))).isEmpty();
        assertThat(OverviewQueries.participationElsewhere("kk-handicap", List.of(left)))
                .as("the host's own professionals are in the rest of its overview, not here").isEmpty();
    }
}
