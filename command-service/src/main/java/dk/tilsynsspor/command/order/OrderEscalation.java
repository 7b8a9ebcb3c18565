package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.deadline.DanishCalendar;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.order.EndEscalation;
import dk.tilsynsspor.core.order.EscalateSupervisoryOrder;
import dk.tilsynsspor.core.order.EscalationEnded;
import dk.tilsynsspor.core.order.EscalationExpired;
import dk.tilsynsspor.core.order.EscalationExtended;
import dk.tilsynsspor.core.order.ExtendEscalation;
import dk.tilsynsspor.core.order.SupervisoryOrderEscalated;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Skærpet tilsyn (socialtilsynsloven § 8): for at most six months at a time, until a date, with the requirements
 * that must be settled to end it; extended by at most six months at a time, ended by the authority, or expired by a
 * persistent deadline when its date passes (the order's deadline handler hands it here). An entity of
 * {@link SupervisoryOrder}.
 */
final class OrderEscalation {

    static final int MAX_MONTHS = 6;

    private final SupervisoryOrder order;
    private boolean escalated;
    /** Null for an escalation stored before escalations had an end. */
    private LocalDate until;

    OrderEscalation(SupervisoryOrder order) {
        this.order = order;
    }

    @CommandHandler
    void handle(EscalateSupervisoryOrder command, Actor actor, DeadlineManager deadlines) {
        order.authorise(actor, Role.INSPECTOR);
        order.assertNotClosed();
        OrderRules.requireReason(command.reason(), "An escalation");
        if (escalated) {
            throw RuleViolation.conflict("already-escalated", "The order is under skærpet tilsyn already.");
        }
        assertWithinSixMonths(command.until(), DanishCalendar.today());
        List<UUID> requirements = command.requirementIds() == null || command.requirementIds().isEmpty()
                ? order.requirementIds() : List.copyOf(command.requirementIds());
        requirements.forEach(order::assertRequirement);
        apply(new SupervisoryOrderEscalated(command.orderId(), command.reason(), command.until(), requirements));
        schedule(deadlines, command.until());
    }

    @CommandHandler
    void handle(ExtendEscalation command, Actor actor, DeadlineManager deadlines) {
        order.authorise(actor, Role.INSPECTOR);
        order.assertNotClosed();
        assertEscalated();
        OrderRules.requireReason(command.reason(), "Extending skærpet tilsyn");
        LocalDate from = until == null ? DanishCalendar.today() : until;
        if (command.until() == null || !command.until().isAfter(from)) {
            throw RuleViolation.unprocessable("deadline-not-later", "Skærpet tilsyn can be extended only to a date "
                    + "after " + from + ".").at("until");
        }
        assertWithinSixMonths(command.until(), from);
        apply(new EscalationExtended(command.orderId(), until, command.until(), command.reason()));
        schedule(deadlines, command.until());
    }

    @CommandHandler
    void handle(EndEscalation command, Actor actor) {
        order.authorise(actor, Role.INSPECTOR);
        order.assertNotClosed();
        assertEscalated();
        OrderRules.requireReason(command.reason(), "Ending skærpet tilsyn");
        apply(new EscalationEnded(command.orderId(), command.reason()));
    }

    /** A deadline scheduled for this escalation's {@code until} expires it; a stale one does nothing. */
    void expireIfDue(EscalationDeadline deadline) {
        if (escalated && deadline.until().equals(until)) {
            apply(new EscalationExpired(order.orderId(), until));
        }
    }

    private void assertEscalated() {
        if (!escalated) {
            throw RuleViolation.conflict("not-escalated", "The order is not under skærpet tilsyn.");
        }
    }

    private static void assertWithinSixMonths(LocalDate until, LocalDate from) {
        if (until == null || !until.isAfter(from)) {
            throw RuleViolation.unprocessable("escalation-until-invalid", "Skærpet tilsyn needs the date it ends, "
                    + "after " + from + ".").at("until");
        }
        if (until.isAfter(from.plusMonths(MAX_MONTHS))) {
            throw RuleViolation.unprocessable("escalation-too-long", "Skærpet tilsyn runs for at most "
                    + MAX_MONTHS + " months at a time: until " + from.plusMonths(MAX_MONTHS) + " at the latest.")
                    .at("until");
        }
    }

    private static void schedule(DeadlineManager deadlines, LocalDate until) {
        EscalationDeadline deadline = new EscalationDeadline(until);
        deadlines.schedule(deadline.passesAt(), EscalationDeadline.NAME, deadline);
    }

    /** Today in Denmark, by the clock Axon stamps events with. */
    @EventSourcingHandler
    void on(SupervisoryOrderEscalated event) {
        escalated = true;
        until = event.until();
    }

    @EventSourcingHandler
    void on(EscalationExtended event) {
        until = event.until();
    }

    @EventSourcingHandler
    void on(EscalationEnded event) {
        escalated = false;
        until = null;
    }

    @EventSourcingHandler
    void on(EscalationExpired event) {
        escalated = false;
        until = null;
    }

    OrderSnapshot.Escalation snapshot() {
        return new OrderSnapshot.Escalation(escalated, until);
    }

    void restore(OrderSnapshot.Escalation state) {
        escalated = state.escalated();
        until = state.until();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrderEscalation that && escalated == that.escalated
                && Objects.equals(until, that.until);
    }

    @Override
    public int hashCode() {
        return Objects.hash(escalated, until);
    }
}
