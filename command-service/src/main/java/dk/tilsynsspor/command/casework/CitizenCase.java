package dk.tilsynsspor.command.casework;

import dk.tilsynsspor.command.access.Access;
import dk.tilsynsspor.command.eventstore.EventStoreConfiguration;
import dk.tilsynsspor.command.lookup.OrderDirectory.KnownOrder;
import dk.tilsynsspor.command.lookup.OrderDirectory;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.casework.CitizenCaseClosed;
import dk.tilsynsspor.core.casework.CitizenCaseOpened;
import dk.tilsynsspor.core.casework.CitizenForgotten;
import dk.tilsynsspor.core.casework.CloseCitizenCase;
import dk.tilsynsspor.core.casework.ForgetCitizen;
import dk.tilsynsspor.core.casework.OpenCitizenCase;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
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
    @AggregateMember
    private final CaseTeam team = new CaseTeam(this);
    @AggregateMember
    private final CaseProgress progress = new CaseProgress(this);
    @AggregateMember
    private final CaseLearning learning = new CaseLearning(this);
    @AggregateMember
    private final CaseDocuments documents = new CaseDocuments(this);
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
    void on(CitizenCaseClosed event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(CitizenForgotten event) {
        forgotten = true;
    }

    UUID caseId() {
        return caseId;
    }

    UUID orderId() {
        return orderId;
    }

    String organisationId() {
        return organisationId;
    }

    CaseTeam team() {
        return team;
    }

    /** Who may send this command on the case: whoever sees it (Access), in one of {@code roles}. */
    void guard(Actor actor, OrderDirectory orders, Role... roles) {
        Access.onCase(actor, () -> orders.find(orderId).map(KnownOrder::authorityId).orElse(null), organisationId,
                team.members(), roles);
    }

    void assertOpen() {
        if (forgotten) {
            throw RuleViolation.conflict("case-forgotten",
                    "The citizen of case " + caseId + " is forgotten: the case accepts no more changes.");
        }
        if (closed) {
            throw RuleViolation.conflict("case-closed", "Case " + caseId + " is closed: it accepts no more changes.");
        }
    }

    void assertServed(Collection<UUID> requirements) {
        for (UUID requirementId : requirements) {
            if (!requirementIds.contains(requirementId)) {
                throw RuleViolation.unprocessable("requirement-not-served",
                        "Case " + caseId + " does not serve requirement " + requirementId + ".");
            }
        }
    }
}
