package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.order.QualityDirection;

import java.math.BigDecimal;
import java.util.List;

/** A requirement's quality goal and every measurement of it, oldest first; {@code targetReached} by the latest. */
public record QualityGoal(
        String indicator,
        String unit,
        BigDecimal baseline,
        BigDecimal target,
        QualityDirection direction,
        List<Measurement> measurements,
        boolean targetReached) {
}
