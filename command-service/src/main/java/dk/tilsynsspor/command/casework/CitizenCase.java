package dk.tilsynsspor.command.casework;

import dk.tilsynsspor.command.access.Access;
import dk.tilsynsspor.command.eventstore.EventStoreConfiguration;
import dk.tilsynsspor.command.lookup.OrderDirectory.KnownOrder;
import dk.tilsynsspor.command.lookup.OrderDirectory;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.casework.AssignProfessionalToCase;
import dk.tilsynsspor.core.casework.ChooseDevelopmentTheme;
import dk.tilsynsspor.core.casework.CitizenCaseClosed;
import dk.tilsynsspor.core.casework.CitizenCaseOpened;
import dk.tilsynsspor.core.casework.CitizenForgotten;
import dk.tilsynsspor.core.casework.CloseCitizenCase;
import dk.tilsynsspor.core.casework.DevelopmentThemeChosen;
import dk.tilsynsspor.core.casework.ForgetCitizen;
import dk.tilsynsspor.core.casework.HoldLearningSession;
import dk.tilsynsspor.core.casework.LearningSessionHeld;
import dk.tilsynsspor.core.casework.OpenCitizenCase;
import dk.tilsynsspor.core.casework.ProfessionalAssignedToCase;
import dk.tilsynsspor.core.casework.ProfessionalReleasedFromCase;
import dk.tilsynsspor.core.casework.RecordSessionInsight;
import dk.tilsynsspor.core.casework.ReleaseProfessionalFromCase;
import dk.tilsynsspor.core.casework.SessionInsightRecorded;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dk.tilsynsspor.command.rules.RuleViolation.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A citizen case (borgersag): the team of professionals around one citizen, and the learning sessions in which they
 * work on the requirements of the order the case serves.
 */
@Aggregate(cache = EventStoreConfiguration.AGGREGATE_CACHE)
class CitizenCase {

    @AggregateIdentifier
    private UUID caseId;
    private UUID orderId;
    private String organisationId;
    private final Set<UUID> requirementIds = new HashSet<>();
    private final Set<String> team = new HashSet<>();
    private final Map<UUID, Set<String>> sessionParticipants = new HashMap<>();
    private final Set<UUID> themes = new HashSet<>();
    private final Set<UUID> insights = new HashSet<>();
    private boolean closed;
    private boolean forgotten;

    CitizenCase() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    CitizenCase(OpenCitizenCase command, Actor actor, OrderDirectory orders) {
        requireText(command.organisationId(), "case-incomplete", "A case needs an organisation.");
        Access.creates(actor, Role.LEADER, command.organisationId());
        CaseRules.assertOpenable(command, orders);
        apply(new CitizenCaseOpened(command.caseId(), command.orderId(), command.organisationId(),
                command.citizenRef(), List.copyOf(command.requirementIds())));
    }

    @CommandHandler
    void handle(AssignProfessionalToCase command, Actor actor, OrderDirectory orders) {
        guard(actor, orders, Role.LEADER);
        assertOpen();
        requireText(command.professionalId(), "assignment-incomplete", "Name the professional's id.");
        requireText(command.name(), "assignment-incomplete", "Name the professional.");
        if (team.contains(command.professionalId())) {
            throw RuleViolation.conflict("already-on-team",
                    "Professional " + command.professionalId() + " is on the team of case " + caseId + " already.");
        }
        apply(new ProfessionalAssignedToCase(caseId, orderId, command.professionalId(), command.name(),
                command.discipline(), command.sector(), command.role()));
    }

    @CommandHandler
    void handle(ReleaseProfessionalFromCase command, Actor actor, OrderDirectory orders) {
        guard(actor, orders, Role.LEADER);
        assertOpen();
        if (!team.contains(command.professionalId())) {
            throw RuleViolation.notFound("not-on-team",
                    "Professional " + command.professionalId() + " is not on the team of case " + caseId + ".");
        }
        apply(new ProfessionalReleasedFromCase(caseId, orderId, command.professionalId()));
    }

    @CommandHandler
    void handle(ChooseDevelopmentTheme command, Actor actor, OrderDirectory orders) {
        guard(actor, orders, Role.PROFESSIONAL);
        Access.actsAsThemselves(actor, command.professionalId());
        assertOpen();
        assertServed(List.of(command.requirementId()));
        requireText(command.theme(), "theme-incomplete", "A development theme needs its text.");
        CaseRules.assertNoCprNumber(command.theme(), "theme");
        if (themes.contains(command.themeId())) {
            throw RuleViolation.conflict("theme-exists", "Development theme " + command.themeId() + " exists.");
        }
        apply(new DevelopmentThemeChosen(caseId, orderId, command.themeId(), command.professionalId(),
                command.theme(), command.requirementId()));
    }

    @CommandHandler
    void handle(HoldLearningSession command, Actor actor, OrderDirectory orders) {
        guard(actor, orders, Role.LEADER, Role.PROFESSIONAL);
        assertOpen();
        if (command.heldOn() == null) {
            throw RuleViolation.unprocessable("session-incomplete", "A learning session needs the date it was held.");
        }
        requireText(command.facilitator(), "session-incomplete", "A learning session needs a facilitator.");
        CaseRules.assertParticipants(command.participantIds());
        assertOnTeam(command.participantIds());
        if (command.requirementIds() == null || command.requirementIds().isEmpty()) {
            throw RuleViolation.unprocessable("session-incomplete",
                    "A learning session needs the requirements in focus.");
        }
        assertServed(command.requirementIds());
        if (sessionParticipants.containsKey(command.sessionId())) {
            throw RuleViolation.conflict("session-exists", "Learning session " + command.sessionId() + " exists.");
        }
        apply(new LearningSessionHeld(caseId, orderId, command.sessionId(), command.heldOn(), command.facilitator(),
                List.copyOf(command.participantIds().stream().distinct().toList()),
                List.copyOf(command.requirementIds())));
    }

    @CommandHandler
    void handle(RecordSessionInsight command, Actor actor, OrderDirectory orders) {
        guard(actor, orders, Role.PROFESSIONAL);
        Access.actsAsThemselves(actor, command.professionalId());
        assertOpen();
        Set<String> participants = sessionParticipants.get(command.sessionId());
        if (participants == null) {
            throw RuleViolation.notFound("unknown-session",
                    "Case " + caseId + " has no learning session " + command.sessionId() + ".");
        }
        if (!participants.contains(command.professionalId())) {
            throw RuleViolation.unprocessable("not-a-participant", "Professional " + command.professionalId()
                    + " did not take part in learning session " + command.sessionId() + ".");
        }
        assertServed(List.of(command.requirementId()));
        requireText(command.insight(), "insight-incomplete", "An insight needs its text.");
        requireText(command.practiceChange(), "insight-incomplete",
                "An insight needs the agreed practice change.");
        CaseRules.assertNoCprNumber(command.insight(), "insight");
        CaseRules.assertNoCprNumber(command.practiceChange(), "practiceChange");
        if (insights.contains(command.insightId())) {
            throw RuleViolation.conflict("insight-exists", "Insight " + command.insightId() + " exists.");
        }
        apply(new SessionInsightRecorded(caseId, orderId, command.sessionId(), command.insightId(),
                command.professionalId(), command.requirementId(), command.insight(), command.practiceChange()));
    }

    @CommandHandler
    void handle(CloseCitizenCase command, Actor actor, OrderDirectory orders) {
        guard(actor, orders, Role.LEADER);
        assertOpen();
        apply(new CitizenCaseClosed(caseId, orderId));
    }

    /** Crypto-shredding: the key goes in the transaction that stores the receipt (see CitizenKeys). */
    @CommandHandler
    void handle(ForgetCitizen command, Actor actor, OrderDirectory orders) {
        guard(actor, orders, Role.LEADER);
        requireText(command.reason(), "reason-required", "Say why the citizen is forgotten.");
        CaseRules.assertNoCprNumber(command.reason(), "reason"); // the receipt must hold no personal data
        if (forgotten) {
            throw RuleViolation.conflict("already-forgotten", "The citizen of case " + caseId + " is forgotten.");
        }
        if (orders.find(orderId).map(order -> !order.closed()).orElse(false)) {
            throw RuleViolation.conflict("legal-hold", "Order " + orderId + ", which case " + caseId
                    + " serves, is not closed: its evidence is on legal hold (GDPR art. 17(3)) until it is.");
        }
        apply(new CitizenForgotten(caseId, orderId, command.reason().strip()));
    }

    @EventSourcingHandler
    void on(CitizenCaseOpened event) {
        caseId = event.caseId();
        orderId = event.orderId();
        organisationId = event.organisationId();
        requirementIds.addAll(event.requirementIds());
    }

    @EventSourcingHandler
    void on(ProfessionalAssignedToCase event) {
        team.add(event.professionalId());
    }

    @EventSourcingHandler
    void on(ProfessionalReleasedFromCase event) {
        team.remove(event.professionalId());
    }

    @EventSourcingHandler
    void on(DevelopmentThemeChosen event) {
        themes.add(event.themeId());
    }

    @EventSourcingHandler
    void on(LearningSessionHeld event) {
        sessionParticipants.put(event.sessionId(), new HashSet<>(event.participantIds()));
    }

    @EventSourcingHandler
    void on(SessionInsightRecorded event) {
        insights.add(event.insightId());
    }

    @EventSourcingHandler
    void on(CitizenCaseClosed event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(CitizenForgotten event) {
        forgotten = true;
    }

    private void guard(Actor actor, OrderDirectory orders, Role... roles) {
        Access.onCase(actor, () -> orders.find(orderId).map(KnownOrder::authorityId).orElse(null), organisationId,
                team, roles);
    }

    private void assertOpen() {
        if (forgotten) {
            throw RuleViolation.conflict("case-forgotten",
                    "The citizen of case " + caseId + " is forgotten: the case accepts no more changes.");
        }
        if (closed) {
            throw RuleViolation.conflict("case-closed", "Case " + caseId + " is closed: it accepts no more changes.");
        }
    }

    private void assertOnTeam(Collection<String> professionalIds) {
        for (String professionalId : professionalIds) {
            if (!team.contains(professionalId)) {
                throw RuleViolation.unprocessable("not-on-team",
                        "Professional " + professionalId + " is not on the team of case " + caseId + ".");
            }
        }
    }

    private void assertServed(Collection<UUID> requirements) {
        for (UUID requirementId : requirements) {
            if (!requirementIds.contains(requirementId)) {
                throw RuleViolation.unprocessable("requirement-not-served",
                        "Case " + caseId + " does not serve requirement " + requirementId + ".");
            }
        }
    }
}
