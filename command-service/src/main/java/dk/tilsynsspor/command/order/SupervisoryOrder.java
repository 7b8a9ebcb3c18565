package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.access.Access;
import dk.tilsynsspor.command.eventstore.EventStoreConfiguration;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.order.AcceptCompliance;
import dk.tilsynsspor.core.order.AcknowledgeSupervisoryOrder;
import dk.tilsynsspor.core.order.CloseSupervisoryOrder;
import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.ComplianceRejected;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.ImposeSupervisoryOrder;
import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.RejectCompliance;
import dk.tilsynsspor.core.order.RequirementCommand;
import dk.tilsynsspor.core.order.RequirementDeadlineMissed;
import dk.tilsynsspor.core.order.SubmitComplianceReport;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A supervisory order (påbud): what an authority demands of an organisation, and how each requirement is followed
 * up until the authority accepts and closes it. Rules that need no state are in {@link OrderRules}.
 */
@Aggregate(cache = EventStoreConfiguration.AGGREGATE_CACHE)
class SupervisoryOrder {

    @AggregateIdentifier
    private UUID orderId;
    private String authorityId;
    private String organisationId;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<UUID, OrderRequirement> requirements = new LinkedHashMap<>();
    @AggregateMember
    private final OrderStage stage = new OrderStage();
    @AggregateMember
    private final OrderPublications publications = new OrderPublications(this);
    @AggregateMember
    private final OrderEscalation escalation = new OrderEscalation(this);

    SupervisoryOrder() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    SupervisoryOrder(ImposeSupervisoryOrder command, Actor actor, DeadlineManager deadlines) {
        OrderRules.assertWellFormed(command);
        Access.creates(actor, Role.INSPECTOR, command.authorityId());
        apply(new SupervisoryOrderImposed(command.orderId(), command.authorityId(), command.organisationId(),
                command.reference(), command.legalBasis(), command.issuedOn(), command.summary(),
                List.copyOf(command.requirements())));
        command.requirements().forEach(r -> schedule(deadlines, new RequirementDeadline(r.requirementId(),
                r.deadline())));
    }

    /**
     * Who may send a command on one of the order's requirements, decided before the requirement is looked up, so
     * that whoever may not see the order learns nothing of its requirements either; then that the order has the
     * requirement. The requirement handles the command.
     */
    @CommandHandlerInterceptor
    Object authorise(RequirementCommand command, Actor actor, InterceptorChain chain) throws Exception {
        // each command says who sends it: the follow-up is the organisation's leaders', deadlines and reviews the
        // authority's, the comment thread both's
        Access.onOrder(actor, authorityId, organisationId, command.sentBy().toArray(Role[]::new));
        requirement(command.requirementId());
        return chain.proceed();
    }

    @CommandHandler
    void handle(AcknowledgeSupervisoryOrder command, Actor actor) {
        Access.onOrder(actor, authorityId, organisationId, Role.LEADER);
        stage.assertNotClosed();
        stage.assertNotAcknowledged();
        apply(new SupervisoryOrderAcknowledged(orderId, organisationId));
    }

    @CommandHandler
    void handle(SubmitComplianceReport command, Actor actor) {
        Access.onOrder(actor, authorityId, organisationId, Role.LEADER);
        stage.assertChangeable();
        stage.assertAcknowledged();
        OrderRules.assertAllVerified(requirements.values());
        apply(new ComplianceReportSubmitted(orderId, command.summary()));
    }

    @CommandHandler
    void handle(AcceptCompliance command, Actor actor) {
        Access.onOrder(actor, authorityId, organisationId, Role.INSPECTOR);
        stage.assertReportToDecide();
        apply(new ComplianceAccepted(orderId));
    }

    @CommandHandler
    void handle(RejectCompliance command, Actor actor, DeadlineManager deadlines) {
        Access.onOrder(actor, authorityId, organisationId, Role.INSPECTOR);
        stage.assertReportToDecide();
        OrderRules.requireReason(command.reason(), "A rejection");
        if (command.requirementIds() == null || command.requirementIds().isEmpty()) {
            throw RuleViolation.unprocessable("rework-not-named", "Name the requirements to rework.");
        }
        command.requirementIds().forEach(this::requirement);
        apply(new ComplianceRejected(orderId, command.reason(), List.copyOf(command.requirementIds())));
        command.requirementIds().forEach(id -> schedule(deadlines,
                new RequirementDeadline(id, requirements.get(id).deadline())));
    }

    @CommandHandler
    OrderOutcome handle(CloseSupervisoryOrder command, Actor actor, DeadlineManager deadlines) {
        Access.onOrder(actor, authorityId, organisationId, Role.INSPECTOR);
        stage.assertNotClosed();
        OrderRules.assertOutcomeStated(command, stage.accepted());
        apply(new SupervisoryOrderClosed(orderId, command.reason(), command.outcome() == OrderOutcome.WITHDRAWN,
                command.outcome()));
        deadlines.cancelAllWithinScope(RequirementDeadline.NAME);
        deadlines.cancelAllWithinScope(EscalationDeadline.NAME);
        return command.outcome();
    }

    @DeadlineHandler(deadlineName = RequirementDeadline.NAME)
    void on(RequirementDeadline deadline) {
        OrderRequirement requirement = requirements.get(deadline.requirementId());
        if (!stage.closed() && requirement != null && requirement.misses(deadline.deadline())) {
            apply(new RequirementDeadlineMissed(orderId, deadline.requirementId(), deadline.deadline()));
        }
    }

    @DeadlineHandler(deadlineName = EscalationDeadline.NAME)
    void on(EscalationDeadline deadline) {
        if (!stage.closed()) {
            escalation.expireIfDue(deadline);
        }
    }

    @EventSourcingHandler
    void on(SupervisoryOrderImposed event) {
        orderId = event.orderId();
        authorityId = event.authorityId();
        organisationId = event.organisationId();
        event.requirements().forEach(r -> requirements.put(r.requirementId(), new OrderRequirement(this, r)));
    }

    @EventSourcingHandler
    void on(ComplianceRejected event) {
        event.requirementIds().forEach(id -> requirements.get(id).sentBackForRework());
    }

    static void schedule(DeadlineManager deadlines, RequirementDeadline deadline) {
        deadlines.schedule(deadline.passesAt(), RequirementDeadline.NAME, deadline);
    }

    private OrderRequirement requirement(UUID requirementId) {
        OrderRequirement requirement = requirements.get(requirementId);
        if (requirement == null) {
            throw RuleViolation.notFound("unknown-requirement",
                    "Order " + orderId + " has no requirement " + requirementId + ".");
        }
        return requirement;
    }

    /** The requirements' follow-up may still change: the order is open and no report awaits or won a decision. */
    void assertChangeable() {
        stage.assertChangeable();
    }

    void assertNotClosed() {
        stage.assertNotClosed();
    }

    UUID orderId() {
        return orderId;
    }

    /** The order's requirements, in the order imposed. */
    List<UUID> requirementIds() {
        return List.copyOf(requirements.keySet());
    }

    /** The requirement, or a broken rule if the order has none by this id. */
    void assertRequirement(UUID requirementId) {
        requirement(requirementId);
    }

    /** The actor sends a command on this order in one of {@code roles} (of its authority or organisation). */
    void authorise(Actor actor, Role... roles) {
        Access.onOrder(actor, authorityId, organisationId, roles);
    }
}
