package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.UUID;

@Revision("1")
public record QualityGoalDefined(
        UUID orderId,
        UUID requirementId,
        String indicator,
        String unit,
        BigDecimal baseline,
        BigDecimal target,
        QualityDirection direction) implements OrderEvent {
}
