package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@Revision("1")
public record QualityMeasurementRecorded(
        UUID orderId,
        UUID requirementId,
        UUID measurementId,
        BigDecimal value,
        LocalDate measuredOn,
        String source) implements OrderEvent {
}
