package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.core.casework.query.TeamMember;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    private final Names names = Names.of(List.of(
            new TeamMember("paedagog", "Pia Pædagog", "pædagog", "bosted", "kontakt", Instant.EPOCH, null),
            new TeamMember("psykolog", "Pernille Psykolog", "psykolog", "region", "kontakt", Instant.EPOCH, null)));

    @Test
    void peopleOnTheTeamAreShownByTheirNamesAndOthersByTheirId() {
        assertThat(names.of("paedagog")).isEqualTo("Pia Pædagog");
        assertThat(names.of("leader")).isEqualTo("leader");
        assertThat(names.all(List.of("paedagog", "psykolog", "leader")))
                .isEqualTo("Pia Pædagog, Pernille Psykolog, leader");
    }

    @Test
    void theProvidersNamesNameThoseNoTeamNamesAndTheTeamsNamesWin() {
        Names merged = names.with(Map.of("leader", "Lene Leder", "paedagog", "P. Pædagog (fra udbyderen)"));

        assertThat(merged.of("leader")).isEqualTo("Lene Leder");
        assertThat(merged.of("paedagog")).as("as entered on the team").isEqualTo("Pia Pædagog");
        assertThat(merged.of("inspector")).isEqualTo("inspector");
        assertThat(names.of("leader")).as("the names merged with are a new value").isEqualTo("leader");
    }

    @Test
    void aTrailNamesWhoActedWithTheirIdBesideTheName() {
        Names merged = names.with(Map.of("3f2a9c4e-7dec-11d0", "Tove Tilsynsførende", "same", "same"));

        assertThat(merged.withId("3f2a9c4e-7dec-11d0")).isEqualTo("Tove Tilsynsførende (3f2a9c4e-7dec-11d0)");
        assertThat(merged.withId("same")).as("a name that is the id").isEqualTo("same");
        assertThat(merged.withId("unknown")).isEqualTo("unknown");
    }
}
