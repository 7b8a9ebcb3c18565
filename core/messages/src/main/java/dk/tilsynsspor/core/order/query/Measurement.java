package dk.tilsynsspor.core.order.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record Measurement(
        UUID measurementId,
        BigDecimal value,
        LocalDate measuredOn,
        String source,
        Instant recordedAt) {
}
