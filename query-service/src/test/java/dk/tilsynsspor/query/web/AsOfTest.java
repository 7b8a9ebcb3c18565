package dk.tilsynsspor.query.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsOfTest {

    @Test
    void nowAndEveryInstantFrom1900To9999AreTaken() {
        assertThat(AsOf.checked(null)).isNull();
        for (String taken : new String[] {"1900-01-01T00:00:00Z", "2026-12-07T10:00:00Z",
                "9999-12-31T23:59:59.999999999Z"}) {
            assertThat(AsOf.checked(Instant.parse(taken))).as(taken).isEqualTo(Instant.parse(taken));
        }
    }

    @Test
    void anInstantOutsideThoseYearsIsRefusedNamingTheParameter() {
        for (Instant refused : new Instant[] {Instant.MAX, Instant.MIN, Instant.parse("1899-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z")}) {
            assertThatThrownBy(() -> AsOf.checked(refused)).as("%s", refused)
                    .isInstanceOfSatisfying(InvalidParameterException.class,
                            e -> assertThat(e.parameter()).isEqualTo("asOf"))
                    .hasMessage("Parameter asOf must be an instant from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z.");
        }
    }
}
