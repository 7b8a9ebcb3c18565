package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** {@code requirementIds} empty or null: every requirement verified as met and neither accepted nor reported. */
public record SubmitComplianceReport(
        @TargetAggregateIdentifier UUID orderId,
        String summary,
        List<UUID> requirementIds) {

    public SubmitComplianceReport(UUID orderId, String summary) {
        this(orderId, summary, null);
    }
}
