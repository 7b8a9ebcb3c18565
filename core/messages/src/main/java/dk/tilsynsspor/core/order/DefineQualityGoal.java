package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.UUID;

public record DefineQualityGoal(
        @TargetAggregateIdentifier UUID orderId,
        UUID requirementId,
        String indicator,
        String unit,
        BigDecimal baseline,
        BigDecimal target,
        QualityDirection direction) implements RequirementCommand {
}
