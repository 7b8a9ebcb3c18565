package dk.tilsynsspor.command.casework;

import dk.tilsynsspor.command.deadline.DanishCalendar;
import dk.tilsynsspor.command.access.Access;
import dk.tilsynsspor.command.lookup.OrderDirectory;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.casework.ChooseDevelopmentTheme;
import dk.tilsynsspor.core.casework.DevelopmentThemeChosen;
import dk.tilsynsspor.core.casework.HoldLearningSession;
import dk.tilsynsspor.core.casework.LearningSessionHeld;
import dk.tilsynsspor.core.casework.RecordSessionInsight;
import dk.tilsynsspor.core.casework.SessionInsightRecorded;
import dk.tilsynsspor.core.casework.FollowUpPracticeChange;
import dk.tilsynsspor.core.casework.PracticeChangeFollowedUp;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static dk.tilsynsspor.command.rules.RuleViolation.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What a case's team learns: the development themes they choose, the learning sessions they hold and the insights
 * and practice changes they record in them. An entity of {@link CitizenCase}.
 */
final class CaseLearning {

    private final CitizenCase kase;
    private final Set<UUID> themes = new HashSet<>();
    private final Map<UUID, Set<String>> sessionParticipants = new HashMap<>();
    private final Map<UUID, LocalDate> sessionDates = new HashMap<>();
    /** Insight id → the session and requirement it was recorded in and for. */
    private final Map<UUID, SessionInsightRecorded> insights = new HashMap<>();

    CaseLearning(CitizenCase kase) {
        this.kase = kase;
    }

    private static List<UUID> optional(UUID requirementId) {
        return requirementId == null ? List.of() : List.of(requirementId);
    }

    @CommandHandler
    void handle(ChooseDevelopmentTheme command, Actor actor, OrderDirectory orders) {
        kase.guard(actor, orders, Role.PROFESSIONAL);
        Access.actsAsThemselves(actor, command.professionalId());
        kase.assertOpen();
        kase.assertServesOrNone(optional(command.requirementId()));
        requireText(command.theme(), "theme-incomplete", "A development theme needs its text.");
        CaseRules.assertNoCprNumber(command.theme(), "theme");
        if (themes.contains(command.themeId())) {
            throw RuleViolation.conflict("theme-exists", "Development theme " + command.themeId() + " exists.");
        }
        apply(new DevelopmentThemeChosen(command.caseId(), kase.orderId(), command.themeId(),
                command.professionalId(), command.theme(), command.requirementId()));
    }

    @CommandHandler
    void handle(HoldLearningSession command, Actor actor, OrderDirectory orders) {
        kase.guard(actor, orders, Role.LEADER, Role.PROFESSIONAL);
        kase.assertOpen();
        if (command.heldOn() == null) {
            throw RuleViolation.unprocessable("session-incomplete", "A learning session needs the date it was held.");
        }
        requireText(command.facilitator(), "session-incomplete", "A learning session needs a facilitator.");
        CaseRules.assertParticipants(command.participantIds());
        kase.team().assertOnTeam(command.participantIds());
        List<UUID> focus = command.requirementIds() == null ? List.of() : command.requirementIds();
        if (focus.isEmpty() && kase.servesRequirements()) {
            throw RuleViolation.unprocessable("session-incomplete",
                    "A learning session needs the requirements in focus.");
        }
        kase.assertServesOrNone(focus);
        if (sessionParticipants.containsKey(command.sessionId())) {
            throw RuleViolation.conflict("session-exists", "Learning session " + command.sessionId() + " exists.");
        }
        apply(new LearningSessionHeld(command.caseId(), kase.orderId(), command.sessionId(), command.heldOn(),
                command.facilitator(), List.copyOf(command.participantIds().stream().distinct().toList()),
                List.copyOf(focus)));
    }

    @CommandHandler
    void handle(RecordSessionInsight command, Actor actor, OrderDirectory orders) {
        kase.guard(actor, orders, Role.PROFESSIONAL);
        Access.actsAsThemselves(actor, command.professionalId());
        kase.assertOpen();
        assertParticipant(command.sessionId(), command.professionalId());
        kase.assertServesOrNone(optional(command.requirementId()));
        requireText(command.insight(), "insight-incomplete", "An insight needs its text.");
        requireText(command.practiceChange(), "insight-incomplete",
                "An insight needs the agreed practice change.");
        CaseRules.assertNoCprNumber(command.insight(), "insight");
        CaseRules.assertNoCprNumber(command.practiceChange(), "practiceChange");
        if (insights.containsKey(command.insightId())) {
            throw RuleViolation.conflict("insight-exists", "Insight " + command.insightId() + " exists.");
        }
        apply(new SessionInsightRecorded(command.caseId(), kase.orderId(), command.sessionId(), command.insightId(),
                command.professionalId(), command.requirementId(), command.insight(), command.practiceChange()));
    }

    /**
     * Whether an insight's agreed practice change was adopted in daily work: by a professional on the team, as
     * themselves; adopted on a day from the session to today; a note saying why, when it was not.
     */
    @CommandHandler
    void handle(FollowUpPracticeChange command, Actor actor, OrderDirectory orders) {
        kase.guard(actor, orders, Role.PROFESSIONAL);
        Access.actsAsThemselves(actor, command.professionalId());
        kase.assertOpen();
        SessionInsightRecorded insight = insights.get(command.insightId());
        if (insight == null || !insight.sessionId().equals(command.sessionId())) {
            throw RuleViolation.notFound("unknown-insight", "Learning session " + command.sessionId() + " of case "
                    + kase.caseId() + " has no insight " + command.insightId() + ".");
        }
        if (command.adopted() == null) {
            throw RuleViolation.unprocessable("follow-up-incomplete", "Say whether the practice change was adopted "
                    + "in daily work.").at("adopted");
        }
        LocalDate held = sessionDates.get(command.sessionId());
        if (command.adopted()) {
            if (command.adoptedOn() == null || command.adoptedOn().isBefore(held)
                    || command.adoptedOn().isAfter(DanishCalendar.today())) {
                throw RuleViolation.unprocessable("follow-up-incomplete", "An adopted practice change needs the day "
                        + "it was adopted, from the session (" + held + ") to today.").at("adoptedOn");
            }
        } else {
            requireText(command.note(), "follow-up-incomplete", "Say why the practice change is not adopted (yet).",
                    "note");
        }
        if (command.note() != null) {
            CaseRules.assertNoCprNumber(command.note(), "note");
        }
        apply(new PracticeChangeFollowedUp(command.caseId(), kase.orderId(), command.sessionId(),
                command.insightId(), command.professionalId(), insight.requirementId(), command.adopted(),
                command.adopted() ? command.adoptedOn() : null, command.note()));
    }

    private void assertParticipant(UUID sessionId, String professionalId) {
        Set<String> participants = sessionParticipants.get(sessionId);
        if (participants == null) {
            throw RuleViolation.notFound("unknown-session",
                    "Case " + kase.caseId() + " has no learning session " + sessionId + ".");
        }
        if (!participants.contains(professionalId)) {
            throw RuleViolation.unprocessable("not-a-participant", "Professional " + professionalId
                    + " did not take part in learning session " + sessionId + ".");
        }
    }

    @EventSourcingHandler
    void on(DevelopmentThemeChosen event) {
        themes.add(event.themeId());
    }

    @EventSourcingHandler
    void on(LearningSessionHeld event) {
        sessionParticipants.put(event.sessionId(), new HashSet<>(event.participantIds()));
        sessionDates.put(event.sessionId(), event.heldOn());
    }

    @EventSourcingHandler
    void on(SessionInsightRecorded event) {
        insights.put(event.insightId(), event);
    }

    /** Value equality (the case it belongs to aside), for Axon's fixtures' comparison of states. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CaseLearning that && themes.equals(that.themes)
                && sessionParticipants.equals(that.sessionParticipants) && insights.equals(that.insights)
                && sessionDates.equals(that.sessionDates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(themes, sessionParticipants, insights);
    }
}
