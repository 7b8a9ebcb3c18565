package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.ComplianceRejected;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * Where an order stands as a whole — acknowledged, a report under review, accepted, closed —
 * and the rules that read it. An entity of {@link SupervisoryOrder}, which hands it every event.
 */
final class OrderStage {

    private boolean acknowledged;
    private boolean reportUnderReview;
    private boolean accepted;
    private boolean closed;

    boolean accepted() {
        return accepted;
    }

    boolean closed() {
        return closed;
    }

    void assertNotClosed() {
        if (closed) {
            throw RuleViolation.conflict("order-closed", "The order is closed: it accepts no more changes.");
        }
    }

    /** The requirements' follow-up may still change: the order is open and no report awaits or won a decision. */
    void assertChangeable() {
        assertNotClosed();
        if (reportUnderReview) {
            throw RuleViolation.conflict("report-under-review",
                    "The compliance report awaits the authority's decision; nothing can change until then.");
        }
        if (accepted) {
            throw RuleViolation.conflict("compliance-accepted",
                    "The authority has accepted compliance; the follow-up can no longer change.");
        }
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

    void assertReportToDecide() {
        assertNotClosed();
        if (!reportUnderReview) {
            throw RuleViolation.conflict("no-report-to-decide", "There is no compliance report awaiting a decision.");
        }
    }

    @EventSourcingHandler
    void on(SupervisoryOrderAcknowledged event) {
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(ComplianceReportSubmitted event) {
        reportUnderReview = true;
    }

    @EventSourcingHandler
    void on(ComplianceAccepted event) {
        reportUnderReview = false;
        accepted = true;
    }

    @EventSourcingHandler
    void on(ComplianceRejected event) {
        reportUnderReview = false;
    }

    @EventSourcingHandler
    void on(SupervisoryOrderClosed event) {
        closed = true;
    }
}
