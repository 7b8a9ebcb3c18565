package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * {@code outcome} is null in closures stored before outcomes were stated: those read as {@code WITHDRAWN} when
 * {@code withdrawn}, else {@code COMPLIED} ({@link #outcomeOrDerived()}).
 */
@Revision("1")
public record SupervisoryOrderClosed(
        UUID orderId,
        String reason,
        boolean withdrawn,
        OrderOutcome outcome) implements OrderEvent {

    public SupervisoryOrderClosed(UUID orderId, String reason, boolean withdrawn) {
        this(orderId, reason, withdrawn, null);
    }

    public OrderOutcome outcomeOrDerived() {
        if (outcome != null) {
            return outcome;
        }
        return withdrawn ? OrderOutcome.WITHDRAWN : OrderOutcome.COMPLIED;
    }
}
