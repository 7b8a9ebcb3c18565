package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.order.NoticeLapsed;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.NoticeResponded;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where an order stands as a whole — under notice (partshøring), lapsed, imposed, acknowledged, closed — and the
 * rules that read it. An entity of {@link SupervisoryOrder}, which hands it every event.
 */
final class OrderStage {

    /** The notice the order started with, while it is a notice or after; null when imposed without one. */
    private NoticeOfOrderGiven notice;
    private int responses;
    private boolean imposed;
    private boolean lapsed;
    private boolean acknowledged;
    private boolean closed;

    boolean closed() {
        return closed;
    }

    /** The order stands: imposed (not only a notice, not lapsed) and not closed. */
    void assertNotClosed() {
        assertImposed();
        if (closed) {
            throw RuleViolation.conflict("order-closed", "The order is closed: it accepts no more changes.");
        }
    }

    /** Imposed: a notice is only a draft, and a lapsed notice is final. */
    void assertImposed() {
        assertNotLapsed();
        if (!imposed) {
            throw RuleViolation.conflict("order-in-notice", "This is a notice of an order (partshøring), not yet "
                    + "an order: impose it first, or let it lapse.");
        }
    }

    /** The order is still a notice, neither imposed nor lapsed. */
    void assertInNotice() {
        assertNotLapsed();
        if (imposed) {
            throw RuleViolation.conflict("already-imposed", "The order is imposed already.");
        }
    }

    /** The organisation answers once; before the response is due it may replace its answer. */
    int nextResponse(LocalDate today) {
        if (responses > 0 && today.isAfter(notice.responseDue())) {
            throw RuleViolation.conflict("notice-already-answered", "The notice is answered, and the answer can be "
                    + "replaced only until " + notice.responseDue() + ".");
        }
        return responses + 1;
    }

    /** Imposing on a notice waits for the organisation's answer or for the day after it was due. */
    void assertHeard(LocalDate today) {
        if (responses == 0 && !today.isAfter(notice.responseDue())) {
            throw RuleViolation.conflict("notice-response-pending", "The organisation may answer the notice until "
                    + notice.responseDue() + "; impose the order once it has answered or after that day.");
        }
    }

    NoticeOfOrderGiven notice() {
        return notice;
    }

    /** A lapsed notice is final. */
    private void assertNotLapsed() {
        if (lapsed) {
            throw RuleViolation.conflict("notice-lapsed", "The notice lapsed without an order: it accepts no more "
                    + "changes.");
        }
    }

    /** The order takes follow-up of its requirements: it is open. Each requirement has its own rules besides. */
    void assertChangeable() {
        assertNotClosed();
    }

    void assertNotAcknowledged() {
        if (acknowledged) {
            throw RuleViolation.conflict("already-acknowledged", "The order is acknowledged already.");
        }
    }

    void assertAcknowledged() {
        if (!acknowledged) {
            throw RuleViolation.conflict("not-acknowledged", "Acknowledge the order before reporting on it.");
        }
    }

    @EventSourcingHandler
    void on(NoticeOfOrderGiven event) {
        notice = event;
    }

    @EventSourcingHandler
    void on(NoticeResponded event) {
        responses = event.version();
    }

    @EventSourcingHandler
    void on(NoticeLapsed event) {
        lapsed = true;
    }

    @EventSourcingHandler
    void on(SupervisoryOrderImposed event) {
        imposed = true;
    }

    @EventSourcingHandler
    void on(SupervisoryOrderAcknowledged event) {
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(SupervisoryOrderClosed event) {
        closed = true;
    }

    OrderSnapshot.Stage snapshot() {
        return new OrderSnapshot.Stage(notice, responses, imposed, lapsed, acknowledged, closed);
    }

    void restore(OrderSnapshot.Stage state) {
        notice = state.notice();
        responses = state.responses();
        imposed = state.imposed();
        lapsed = state.lapsed();
        acknowledged = state.acknowledged();
        closed = state.closed();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrderStage that && Objects.equals(notice, that.notice) && responses == that.responses
                && imposed == that.imposed && lapsed == that.lapsed && acknowledged == that.acknowledged
                && closed == that.closed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(imposed, acknowledged, closed);
    }
}
