package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.core.casework.query.TeamMember;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

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
}
