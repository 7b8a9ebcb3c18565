package dk.tilsynsspor.query.order.export;

import dk.tilsynsspor.core.order.QualityDirection;
import dk.tilsynsspor.core.order.query.Measurement;
import dk.tilsynsspor.core.order.query.QualityGoal;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class QualityChartTest {

    private static Measurement measured(String value, LocalDate on) {
        return new Measurement(UUID.randomUUID(), new BigDecimal(value), on, "source", Instant.EPOCH);
    }

    private static QualityGoal goal(String baseline, String target, List<Measurement> measurements) {
        return new QualityGoal("Magtanvendelser", "pr. måned", new BigDecimal(baseline), new BigDecimal(target),
                QualityDirection.LOWER_IS_BETTER, measurements, false);
    }

    @Test
    void valuesAndDatesItCannotDrawAreLeftOutOfTheChartAndTheRestIsDrawn() {
        Measurement ordinary = measured("3", LocalDate.of(2026, 11, 20));
        List<Measurement> measurements = List.of(ordinary, measured("1E+1000", LocalDate.of(2026, 11, 21)),
                measured("1e309", LocalDate.of(2026, 11, 22)), measured("2", LocalDate.of(0, 3, 1)),
                measured("2", LocalDate.of(1800, 5, 5)), measured("-7", LocalDate.of(10000, 1, 1)));
        QualityGoal goal = goal("5", "2", measurements);

        assertThat(QualityChart.charted(goal)).containsExactly(ordinary);
        BufferedImage chart = QualityChart.render(goal, 640, 320);
        assertThat(chart.getWidth()).isEqualTo(640);
    }

    @Test
    void aGoalWhoseBaselineAndTargetCannotBeDrawnStillGivesAChart() {
        QualityGoal goal = goal("1E+1000", "-1E+400", List.of(measured("1E+1000", LocalDate.of(2026, 1, 1))));

        assertThat(QualityChart.charted(goal)).isEmpty();
        assertThat(QualityChart.render(goal, 320, 200).getHeight()).isEqualTo(200);
    }
}
