package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.access.Access;
import dk.tilsynsspor.command.eventstore.EventStoreConfiguration;
import dk.tilsynsspor.command.lookup.InsightDirectory;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.order.AcceptCompliance;
import dk.tilsynsspor.core.order.AcknowledgeSupervisoryOrder;
import dk.tilsynsspor.core.order.ActionPlanSubmitted;
import dk.tilsynsspor.core.order.CloseSupervisoryOrder;
import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.ComplianceRejected;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.DefineQualityGoal;
import dk.tilsynsspor.core.order.EscalateSupervisoryOrder;
import dk.tilsynsspor.core.order.ExtendRequirementDeadline;
import dk.tilsynsspor.core.order.ImposeSupervisoryOrder;
import dk.tilsynsspor.core.order.QualityGoalDefined;
import dk.tilsynsspor.core.order.QualityImprovementVerified;
import dk.tilsynsspor.core.order.QualityMeasurementRecorded;
import dk.tilsynsspor.core.order.RecordQualityMeasurement;
import dk.tilsynsspor.core.order.RejectCompliance;
import dk.tilsynsspor.core.order.RequirementDeadlineExtended;
import dk.tilsynsspor.core.order.RequirementDeadlineMissed;
import dk.tilsynsspor.core.order.SubmitActionPlan;
import dk.tilsynsspor.core.order.SubmitComplianceReport;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.SupervisoryOrderEscalated;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.order.VerifyQualityImprovement;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
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
    private final Map<UUID, RequirementProgress> requirements = new LinkedHashMap<>();
    private boolean acknowledged;
    private boolean reportUnderReview;
    private boolean accepted;
    private boolean escalated;
    private boolean closed;

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

    @CommandHandler
    void handle(AcknowledgeSupervisoryOrder command, Actor actor) {
        Access.onOrder(actor, authorityId, organisationId, Role.LEADER);
        assertNotClosed();
        if (acknowledged) {
            throw RuleViolation.conflict("already-acknowledged", "The order is acknowledged already.");
        }
        apply(new SupervisoryOrderAcknowledged(orderId, organisationId));
    }

    @CommandHandler
    int handle(SubmitActionPlan command, Actor actor) {
        Access.onOrder(actor, authorityId, organisationId, Role.LEADER);
        RequirementProgress requirement = changeableRequirement(command.requirementId());
        OrderRules.assertActionPlanComplete(command);
        int version = requirement.nextActionPlanVersion();
        apply(new ActionPlanSubmitted(orderId, command.requirementId(), version, command.plannedChanges(),
                command.responsibleLeader(), List.copyOf(command.milestones())));
        return version;
    }

    @CommandHandler
    void handle(DefineQualityGoal command, Actor actor) {
        Access.onOrder(actor, authorityId, organisationId, Role.LEADER);
        RequirementProgress requirement = changeableRequirement(command.requirementId());
        requirement.assertNoGoalYet();
        OrderRules.assertGoalImproves(command);
        apply(new QualityGoalDefined(orderId, command.requirementId(), command.indicator(), command.unit(),
                command.baseline(), command.target(), command.direction()));
    }

    @CommandHandler
    void handle(RecordQualityMeasurement command, Actor actor) {
        Access.onOrder(actor, authorityId, organisationId, Role.LEADER);
        RequirementProgress requirement = changeableRequirement(command.requirementId());
        requirement.assertGoal();
        requirement.assertNewMeasurement(command.measurementId());
        OrderRules.assertMeasurementComplete(command);
        apply(new QualityMeasurementRecorded(orderId, command.requirementId(), command.measurementId(),
                command.value(), command.measuredOn(), command.source()));
    }

    @CommandHandler
    void handle(VerifyQualityImprovement command, Actor actor, InsightDirectory insights) {
        Access.onOrder(actor, authorityId, organisationId, Role.LEADER);
        RequirementProgress requirement = changeableRequirement(command.requirementId());
        OrderRules.assertEvidenceCited(command, requirement);
        command.evidence().measurementIds().forEach(requirement::assertOwnMeasurement);
        command.evidence().insightIds().forEach(id -> OrderRules.assertInsightServes(insights, id, orderId,
                command.requirementId(), requirement));
        if (command.goalMet()) {
            OrderRules.assertGoalReached(requirement);
        }
        apply(new QualityImprovementVerified(orderId, command.requirementId(), command.goalMet(),
                command.conclusion(), command.evidence()));
    }

    @CommandHandler
    void handle(SubmitComplianceReport command, Actor actor) {
        Access.onOrder(actor, authorityId, organisationId, Role.LEADER);
        assertNotClosed();
        assertNotDecided();
        if (!acknowledged) {
            throw RuleViolation.conflict("not-acknowledged", "Acknowledge the order before reporting on it.");
        }
        OrderRules.assertAllVerified(requirements.values());
        apply(new ComplianceReportSubmitted(orderId, command.summary()));
    }

    @CommandHandler
    void handle(AcceptCompliance command, Actor actor) {
        Access.onOrder(actor, authorityId, organisationId, Role.INSPECTOR);
        assertReportToDecide();
        apply(new ComplianceAccepted(orderId));
    }

    @CommandHandler
    void handle(RejectCompliance command, Actor actor, DeadlineManager deadlines) {
        Access.onOrder(actor, authorityId, organisationId, Role.INSPECTOR);
        assertReportToDecide();
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
    void handle(ExtendRequirementDeadline command, Actor actor, DeadlineManager deadlines) {
        Access.onOrder(actor, authorityId, organisationId, Role.INSPECTOR);
        assertNotClosed();
        RequirementProgress requirement = requirement(command.requirementId());
        OrderRules.requireReason(command.reason(), "A deadline extension");
        OrderRules.assertLater(command.newDeadline(), requirement);
        apply(new RequirementDeadlineExtended(orderId, command.requirementId(), requirement.deadline(),
                command.newDeadline(), command.reason()));
        schedule(deadlines, new RequirementDeadline(command.requirementId(), command.newDeadline()));
    }

    @CommandHandler
    void handle(EscalateSupervisoryOrder command, Actor actor) {
        Access.onOrder(actor, authorityId, organisationId, Role.INSPECTOR);
        assertNotClosed();
        OrderRules.requireReason(command.reason(), "An escalation");
        if (escalated) {
            throw RuleViolation.conflict("already-escalated", "The order is under skærpet tilsyn already.");
        }
        apply(new SupervisoryOrderEscalated(orderId, command.reason()));
    }

    @CommandHandler
    void handle(CloseSupervisoryOrder command, Actor actor, DeadlineManager deadlines) {
        Access.onOrder(actor, authorityId, organisationId, Role.INSPECTOR);
        assertNotClosed();
        if (!accepted) {
            OrderRules.requireReason(command.reason(), "Closing an order before its compliance is accepted "
                    + "withdraws it; that");
        }
        apply(new SupervisoryOrderClosed(orderId, command.reason(), !accepted));
        deadlines.cancelAllWithinScope(RequirementDeadline.NAME);
    }

    @DeadlineHandler(deadlineName = RequirementDeadline.NAME)
    void on(RequirementDeadline deadline) {
        RequirementProgress requirement = requirements.get(deadline.requirementId());
        if (!closed && requirement != null && requirement.misses(deadline.deadline())) {
            apply(new RequirementDeadlineMissed(orderId, deadline.requirementId(), deadline.deadline()));
        }
    }

    @EventSourcingHandler
    void on(SupervisoryOrderImposed event) {
        orderId = event.orderId();
        authorityId = event.authorityId();
        organisationId = event.organisationId();
        event.requirements().forEach(r -> requirements.put(r.requirementId(), new RequirementProgress(r)));
    }

    @EventSourcingHandler
    void on(SupervisoryOrderAcknowledged event) {
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(ActionPlanSubmitted event) {
        requirements.get(event.requirementId()).actionPlanSubmitted();
    }

    @EventSourcingHandler
    void on(QualityGoalDefined event) {
        requirements.get(event.requirementId()).goalDefined(event);
    }

    @EventSourcingHandler
    void on(QualityMeasurementRecorded event) {
        requirements.get(event.requirementId()).measured(event);
    }

    @EventSourcingHandler
    void on(QualityImprovementVerified event) {
        requirements.get(event.requirementId()).verified(event.goalMet());
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
        event.requirementIds().forEach(id -> requirements.get(id).sentBackForRework());
    }

    @EventSourcingHandler
    void on(RequirementDeadlineExtended event) {
        requirements.get(event.requirementId()).deadlineMoved(event.newDeadline());
    }

    @EventSourcingHandler
    void on(RequirementDeadlineMissed event) {
        requirements.get(event.requirementId()).deadlineMissed(event.deadline());
    }

    @EventSourcingHandler
    void on(SupervisoryOrderEscalated event) {
        escalated = true;
    }

    @EventSourcingHandler
    void on(SupervisoryOrderClosed event) {
        closed = true;
    }

    private void schedule(DeadlineManager deadlines, RequirementDeadline deadline) {
        deadlines.schedule(deadline.passesAt(), RequirementDeadline.NAME, deadline);
    }

    private RequirementProgress requirement(UUID requirementId) {
        RequirementProgress requirement = requirements.get(requirementId);
        if (requirement == null) {
            throw RuleViolation.notFound("unknown-requirement",
                    "Order " + orderId + " has no requirement " + requirementId + ".");
        }
        return requirement;
    }

    /** A requirement whose follow-up may still change: the order is open and no report awaits or won a decision. */
    private RequirementProgress changeableRequirement(UUID requirementId) {
        assertNotClosed();
        assertNotDecided();
        return requirement(requirementId);
    }

    private void assertNotClosed() {
        if (closed) {
            throw RuleViolation.conflict("order-closed", "The order is closed: it accepts no more changes.");
        }
    }

    private void assertNotDecided() {
        if (reportUnderReview) {
            throw RuleViolation.conflict("report-under-review",
                    "The compliance report awaits the authority's decision; nothing can change until then.");
        }
        if (accepted) {
            throw RuleViolation.conflict("compliance-accepted",
                    "The authority has accepted compliance; the follow-up can no longer change.");
        }
    }

    private void assertReportToDecide() {
        assertNotClosed();
        if (!reportUnderReview) {
            throw RuleViolation.conflict("no-report-to-decide", "There is no compliance report awaiting a decision.");
        }
    }
}
