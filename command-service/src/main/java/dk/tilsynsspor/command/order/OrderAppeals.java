package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.deadline.DanishCalendar;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.order.Amendment;
import dk.tilsynsspor.core.order.AppealDecided;
import dk.tilsynsspor.core.order.AppealOutcome;
import dk.tilsynsspor.core.order.AppealRegistered;
import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.RecordAppealDecision;
import dk.tilsynsspor.core.order.RegisterAppeal;
import dk.tilsynsspor.core.order.RequirementAmended;
import dk.tilsynsspor.core.order.RequirementAnnulled;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Complaints to Ankestyrelsen about the order: registered with the day lodged and the requirements appealed (late
 * when lodged more than four weeks after the order was issued; recorded, not refused), and decided: upheld, the
 * appealed requirements amended, or annulled (the order ends with them when none is left standing). Deadlines keep
 * running meanwhile. An entity of {@link SupervisoryOrder}.
 */
final class OrderAppeals {

    static final int WEEKS_TO_APPEAL = 4;

    private record Appeal(LocalDate lodgedOn, List<UUID> requirementIds, boolean decided) {
    }

    private final SupervisoryOrder order;
    private final Map<UUID, Appeal> appeals = new LinkedHashMap<>();

    OrderAppeals(SupervisoryOrder order) {
        this.order = order;
    }

    @CommandHandler
    UUID handle(RegisterAppeal command, Actor actor) {
        order.authorise(actor, Role.LEADER, Role.INSPECTOR);
        order.assertNotClosed();
        if (command.appealId() == null || appeals.containsKey(command.appealId())) {
            throw RuleViolation.conflict("appeal-exists", "Appeal " + command.appealId() + " is registered already.");
        }
        LocalDate lodgedOn = command.lodgedOn();
        if (lodgedOn == null) {
            throw RuleViolation.unprocessable("appeal-incomplete", "An appeal needs the day it was lodged.")
                    .at("lodgedOn");
        }
        if (lodgedOn.isBefore(order.issuedOn()) || lodgedOn.isAfter(DanishCalendar.today())) {
            throw RuleViolation.unprocessable("lodged-outside-order", "An appeal is lodged on a day from the order's "
                    + "issue (" + order.issuedOn() + ") to today.").at("lodgedOn");
        }
        // none named: every requirement still standing that no open appeal holds already
        List<UUID> appealed = order.namedOr(command.requirementIds(),
                requirement -> !requirement.settled() && !underOpenAppeal(requirement.requirementId()),
                OrderRequirement::assertNotSettled);
        for (UUID requirementId : appealed) {
            if (underOpenAppeal(requirementId)) {
                throw RuleViolation.conflict("appeal-open", "An appeal of the requirement " + requirementId
                        + " awaits Ankestyrelsen's decision already.").at("requirementIds");
            }
        }
        if (appealed.isEmpty()) {
            throw RuleViolation.conflict("nothing-to-appeal", "No requirement of the order is left standing to "
                    + "appeal that an open appeal does not hold already.");
        }
        boolean late = lodgedOn.isAfter(order.issuedOn().plusWeeks(WEEKS_TO_APPEAL));
        apply(new AppealRegistered(command.orderId(), command.appealId(), lodgedOn, appealed, late));
        return command.appealId();
    }

    @CommandHandler
    void handle(RecordAppealDecision command, Actor actor, DeadlineManager deadlines) {
        order.authorise(actor, Role.INSPECTOR);
        order.assertNotClosed();
        Appeal appeal = appeals.get(command.appealId());
        if (appeal == null) {
            throw RuleViolation.notFound("unknown-appeal", "The order has no appeal " + command.appealId() + ".");
        }
        if (appeal.decided()) {
            throw RuleViolation.conflict("appeal-decided", "Appeal " + command.appealId() + " is decided already.");
        }
        if (command.outcome() == null) {
            throw RuleViolation.unprocessable("appeal-decision-incomplete", "State Ankestyrelsen's decision: "
                    + "UPHELD, AMENDED or ANNULLED.").at("outcome");
        }
        if (command.decidedOn() == null) {
            throw RuleViolation.unprocessable("appeal-decision-incomplete", "State the day Ankestyrelsen decided.")
                    .at("decidedOn");
        }
        if (command.decidedOn().isBefore(appeal.lodgedOn()) || command.decidedOn().isAfter(DanishCalendar.today())) {
            throw RuleViolation.unprocessable("appeal-decision-day", "The day of the decision lies from the day the "
                    + "appeal was lodged (" + appeal.lodgedOn() + ") to today.").at("decidedOn");
        }
        OrderRules.requireReason(command.reason(), "An appeal's decision");
        List<Amendment> amendments = assertAmendments(command, appeal);
        apply(new AppealDecided(command.orderId(), command.appealId(), command.outcome(), command.decidedOn(),
                command.reason()));
        for (Amendment amendment : amendments) {
            apply(new RequirementAmended(command.orderId(), amendment.requirementId(), command.appealId(),
                    amendment.title(), amendment.requiredChange(), order.deadlineOf(amendment.requirementId()),
                    amendment.deadline()));
            SupervisoryOrder.schedule(deadlines, new RequirementDeadline(amendment.requirementId(),
                    amendment.deadline()));
        }
        if (command.outcome() == AppealOutcome.ANNULLED) {
            appeal.requirementIds().forEach(id -> apply(new RequirementAnnulled(command.orderId(), id,
                    command.appealId())));
            if (order.standingRequirementIds().isEmpty()) {
                apply(new SupervisoryOrderClosed(command.orderId(), command.reason(), false, OrderOutcome.ANNULLED));
                order.cancelDeadlines(deadlines);
            }
        }
    }

    /** Amendments only with AMENDED, then at least one: each of an appealed requirement, once, complete. */
    private static List<Amendment> assertAmendments(RecordAppealDecision command, Appeal appeal) {
        List<Amendment> amendments = command.amendments() == null ? List.of() : command.amendments();
        if (command.outcome() != AppealOutcome.AMENDED) {
            if (!amendments.isEmpty()) {
                throw RuleViolation.unprocessable("amendments-only-when-amended", "Only a decision that amends the "
                        + "order carries amendments.").at("amendments");
            }
            return List.of();
        }
        if (amendments.isEmpty()) {
            throw RuleViolation.unprocessable("amendments-required", "A decision that amends the order states the "
                    + "new text and deadline of each amended requirement.").at("amendments");
        }
        Set<UUID> amended = new HashSet<>();
        for (int i = 0; i < amendments.size(); i++) {
            Amendment amendment = amendments.get(i);
            String at = "amendments[" + i + "].";
            if (amendment == null || !appeal.requirementIds().contains(amendment.requirementId())
                    || !amended.add(amendment.requirementId())) {
                throw RuleViolation.unprocessable("amendment-outside-appeal", "Each amendment changes one requirement "
                        + "the appeal is about, once.").at(at + "requirementId");
            }
            if (amendment.title() == null || amendment.title().isBlank() || amendment.requiredChange() == null
                    || amendment.requiredChange().isBlank() || amendment.deadline() == null) {
                throw RuleViolation.unprocessable("amendment-incomplete", "An amended requirement needs its title, "
                        + "the required change and a deadline.").at(at + (amendment.deadline() == null
                        ? "deadline" : "title"));
            }
            if (amendment.deadline().isBefore(command.decidedOn())) {
                throw RuleViolation.unprocessable("deadline-before-decision", "An amended requirement's deadline "
                        + "cannot lie before the decision (" + command.decidedOn() + ").").at(at + "deadline");
            }
        }
        return List.copyOf(amendments);
    }

    private boolean underOpenAppeal(UUID requirementId) {
        return appeals.values().stream().anyMatch(a -> !a.decided() && a.requirementIds().contains(requirementId));
    }

    /** Whether an appeal annulled any requirement of the order. */
    boolean annulledAny() {
        return appeals.values().stream().anyMatch(Appeal::decided) && order.anyAnnulled();
    }

    @EventSourcingHandler
    void on(AppealRegistered event) {
        appeals.put(event.appealId(), new Appeal(event.lodgedOn(), List.copyOf(event.requirementIds()), false));
    }

    @EventSourcingHandler
    void on(AppealDecided event) {
        appeals.computeIfPresent(event.appealId(), (id, appeal) -> new Appeal(appeal.lodgedOn(),
                appeal.requirementIds(), true));
    }

    List<OrderSnapshot.Appeal> snapshot() {
        return appeals.entrySet().stream().map(appeal -> new OrderSnapshot.Appeal(appeal.getKey(),
                appeal.getValue().lodgedOn(), appeal.getValue().requirementIds(), appeal.getValue().decided())).toList();
    }

    void restore(List<OrderSnapshot.Appeal> state) {
        state.forEach(appeal -> appeals.put(appeal.id(), new Appeal(appeal.lodgedOn(),
                List.copyOf(appeal.requirementIds()), appeal.decided())));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrderAppeals that && appeals.equals(that.appeals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(appeals);
    }
}
