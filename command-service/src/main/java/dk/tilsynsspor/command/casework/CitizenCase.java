package dk.tilsynsspor.command.casework;

import dk.tilsynsspor.command.access.Access;
import dk.tilsynsspor.command.eventstore.EventStoreConfiguration;
import dk.tilsynsspor.command.idempotency.KeyedAggregateRoot;
import dk.tilsynsspor.command.lookup.OrderDirectory.KnownOrder;
import dk.tilsynsspor.command.lookup.OrderDirectory;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.casework.CaseLinkedToRequirements;
import dk.tilsynsspor.core.casework.CaseUnlinkedFromRequirements;
import dk.tilsynsspor.core.casework.CitizenCaseClosed;
import dk.tilsynsspor.core.casework.LinkCaseToRequirements;
import dk.tilsynsspor.core.casework.UnlinkCaseFromRequirements;
import dk.tilsynsspor.core.casework.CitizenCaseOpened;
import dk.tilsynsspor.core.casework.CitizenForgotten;
import dk.tilsynsspor.core.casework.CloseCitizenCase;
import dk.tilsynsspor.core.casework.ForgetCitizen;
import dk.tilsynsspor.core.casework.OpenCitizenCase;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
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
@Aggregate(cache = EventStoreConfiguration.AGGREGATE_CACHE, commandTargetResolver = EventStoreConfiguration.COMMAND_TARGETS)
class CitizenCase extends KeyedAggregateRoot {

    @AggregateIdentifier
    private UUID caseId;
    /** The order the case serves now; null while it serves none (ongoing development). */
    private UUID orderId;
    private String organisationId;
    /** The requirements of {@link #orderId} it serves now. */
    private final Set<UUID> requirementIds = new HashSet<>();
    /** Every order the case has served: its evidence is on legal hold until each of them is closed. */
    private final Set<UUID> servedOrders = new HashSet<>();
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
        super(firstEvent -> null); // for Axon: rebuilt from its events; its commands answer nothing but success
    }

    /** Opens the case (a handler that may create, not a constructor, so that a repeat is recognised). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenCitizenCase command, Actor actor, OrderDirectory orders) {
        if (caseId != null) {
            throw RuleViolation.conflict("case-exists", "There is a case " + caseId + " already.");
        }
        requireText(command.organisationId(), "case-incomplete", "A case needs an organisation.");
        Access.creates(actor, Role.LEADER, command.organisationId());
        CaseRules.assertOpenable(command, orders);
        apply(new CitizenCaseOpened(command.caseId(), command.orderId(), command.organisationId(),
                command.citizenRef(), command.requirementIds() == null ? List.of()
                : List.copyOf(command.requirementIds().stream().distinct().toList())));
    }

    /** A leader links the case to requirements of an open order of its organisation; one order at a time. */
    @CommandHandler
    void handle(LinkCaseToRequirements command, Actor actor, OrderDirectory orders) {
        guard(actor, orders, Role.LEADER);
        assertOpen();
        List<UUID> named = named(command.orderId(), command.requirementIds());
        if (orderId != null && !orderId.equals(command.orderId())) {
            throw RuleViolation.conflict("case-serves-another-order", "Case " + caseId + " serves order " + orderId
                    + "; unlink its requirements before linking it to another order.");
        }
        CaseRules.assertLinkable(orders, organisationId, command.orderId(), named);
        for (UUID requirementId : named) {
            if (requirementIds.contains(requirementId)) {
                throw RuleViolation.conflict("requirement-already-linked", "Case " + caseId
                        + " serves requirement " + requirementId + " already.");
            }
        }
        apply(new CaseLinkedToRequirements(caseId, command.orderId(), named));
    }

    /** A leader takes requirements off what the case serves; with none left it serves no order. */
    @CommandHandler
    void handle(UnlinkCaseFromRequirements command, Actor actor, OrderDirectory orders) {
        guard(actor, orders, Role.LEADER);
        assertOpen();
        List<UUID> named = named(command.orderId(), command.requirementIds());
        if (!command.orderId().equals(orderId)) {
            throw RuleViolation.unprocessable("requirement-not-served", "Case " + caseId
                    + " does not serve order " + command.orderId() + ".");
        }
        assertServed(named);
        apply(new CaseUnlinkedFromRequirements(caseId, orderId, named));
    }

    private static List<UUID> named(UUID orderId, List<UUID> requirementIds) {
        if (orderId == null || requirementIds == null || requirementIds.isEmpty()) {
            throw RuleViolation.unprocessable("case-incomplete", "Name the order and at least one of its "
                    + "requirements.");
        }
        return requirementIds.stream().distinct().toList();
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
        for (UUID served : servedOrders) {
            if (orders.find(served).map(order -> !order.closed()).orElse(false)) {
                throw RuleViolation.conflict("legal-hold", "Order " + served + ", which case " + caseId
                        + " serves or served, is not closed: its evidence is on legal hold (GDPR art. 17(3)) until "
                        + "it is.");
            }
        }
        apply(new CitizenForgotten(caseId, orderId, command.reason().strip()));
    }

    @EventSourcingHandler
    void on(CitizenCaseOpened event) {
        caseId = event.caseId();
        orderId = event.orderId();
        organisationId = event.organisationId();
        requirementIds.addAll(event.requirementIds());
        if (orderId != null) {
            servedOrders.add(orderId);
        }
    }

    @EventSourcingHandler
    void on(CaseLinkedToRequirements event) {
        orderId = event.orderId();
        servedOrders.add(event.orderId());
        requirementIds.addAll(event.requirementIds());
    }

    @EventSourcingHandler
    void on(CaseUnlinkedFromRequirements event) {
        event.requirementIds().forEach(requirementIds::remove);
        if (requirementIds.isEmpty()) {
            orderId = null;
        }
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
        Access.onCase(actor, () -> orderId == null ? null : orders.find(orderId).map(KnownOrder::authorityId)
                        .orElse(null), organisationId,
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

    /**
     * What a theme, session or insight serves: requirements the case serves, or — only while it serves none — nothing
     * (ongoing development without an order).
     */
    void assertServesOrNone(Collection<UUID> requirements) {
        if (requirements.isEmpty()) {
            if (!requirementIds.isEmpty()) {
                throw RuleViolation.unprocessable("requirement-missing", "Case " + caseId + " serves requirements "
                        + "of an order: name the one this serves.").at("requirementId");
            }
            return;
        }
        assertServed(requirements);
    }

    boolean servesRequirements() {
        return !requirementIds.isEmpty();
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
