package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record RecordQualityMeasurement(
        @TargetAggregateIdentifier UUID orderId,
        UUID requirementId,
        UUID measurementId,
        BigDecimal value,
        LocalDate measuredOn,
        String source) implements RequirementCommand {
}
