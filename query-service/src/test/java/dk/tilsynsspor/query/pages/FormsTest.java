package dk.tilsynsspor.query.pages;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormsTest {

    @Test
    void aFreshFormShowsItsLeastRows() {
        assertThat(new Forms(null, null).rows("handleplan", "milestones", 2, 50)).isEqualTo(2);
    }

    @Test
    void aRefusedFormShowsTheRowsTypedAndOneMoreWhenAskedButNeverMoreThanTheFormTakes() {
        assertThat(refused(Map.of("milestones[4].description", List.of("x"))).rows("f", "milestones", 2, 50))
                .isEqualTo(5);
        assertThat(refused(Map.of("milestones[4].description", List.of("x"), "flere", List.of("milestones")))
                .rows("f", "milestones", 2, 50)).isEqualTo(6);
        assertThat(refused(Map.of("milestones[49].description", List.of("x"), "flere", List.of("milestones")))
                .rows("f", "milestones", 2, 50)).as("asked for one more at the most").isEqualTo(50);
    }

    @Test
    void aRowNumberTypedIntoTheAddressShowsNoMoreRowsThanTheFormTakes() {
        for (String field : List.of("milestones[20000].description", "milestones[999999999].description",
                "milestones[99999999999].description")) {
            assertThat(refused(Map.of(field, List.of("x"), "flere", List.of("milestones")))
                    .rows("f", "milestones", 2, 50)).as(field).isLessThanOrEqualTo(50);
        }
    }

    private static Forms refused(Map<String, List<String>> values) {
        return new Forms(new Forms.State("f", values, null), null);
    }
}
