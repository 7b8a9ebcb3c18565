package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What waits for the organisation on one of its open orders — its leader's next step: a notice to answer, an order to
 * acknowledge, an action plan the authority asked to change, a requirement the authority sent back, a verified
 * requirement to report. {@code requirementId}, {@code number} and {@code title} are null for the order's own steps; {@code due} is the answer's or the requirement's
 * deadline (none for the acknowledgement); {@code since} when it began to wait; {@code remark} the authority's words, where it gave any.
 */
public record AwaitingOrganisation(
        Kind kind,
        UUID orderId,
        String reference,
        UUID requirementId,
        Integer number,
        String title,
        LocalDate due,
        Instant since,
        String remark) {

    public enum Kind {
        /** The notice (partshøring) is not answered, and its answer's deadline has not passed. */
        ANSWER_NOTICE,
        /** The order is imposed and not acknowledged: reporting waits for the acknowledgement. */
        ACKNOWLEDGE_ORDER,
        /** The authority reviewed the requirement's latest action plan as needing changes. */
        REVISE_PLAN,
        /** The authority sent the requirement back to work. */
        REWORK_REQUIREMENT,
        /** The leader verified the improvement; the requirement is not reported yet. */
        REPORT_REQUIREMENT
    }
}
