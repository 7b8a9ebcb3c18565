package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Ankestyrelsen's decision on an open appeal, recorded by the authority; {@code amendments} only when AMENDED. */
public record RecordAppealDecision(
        @TargetAggregateIdentifier UUID orderId,
        UUID appealId,
        AppealOutcome outcome,
        LocalDate decidedOn,
        String reason,
        List<Amendment> amendments) {
}
