package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.deadline.DanishCalendar;
import dk.tilsynsspor.command.access.Access;
import dk.tilsynsspor.command.eventstore.EventStoreConfiguration;
import dk.tilsynsspor.command.idempotency.KeyedAggregateRoot;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.order.AcceptCompliance;
import dk.tilsynsspor.core.order.AcknowledgeSupervisoryOrder;
import dk.tilsynsspor.core.order.ActionPlanSubmitted;
import dk.tilsynsspor.core.order.AppealRegistered;
import dk.tilsynsspor.core.order.CloseSupervisoryOrder;
import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.ComplianceRejected;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.ImposeSupervisoryOrder;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import dk.tilsynsspor.command.rules.RuleViolationInterceptor;
import dk.tilsynsspor.core.order.Remedy;
import dk.tilsynsspor.core.order.NoticeLapsed;
import dk.tilsynsspor.core.order.LetNoticeLapse;
import dk.tilsynsspor.core.order.NoticeResponded;
import dk.tilsynsspor.core.order.RespondToNotice;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.GiveNoticeOfOrder;
import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.RejectCompliance;
import dk.tilsynsspor.core.order.Rejection;
import dk.tilsynsspor.core.order.RequirementCommand;
import dk.tilsynsspor.core.order.WithdrawEvidenceDocument;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A supervisory order (påbud): what an authority demands of an organisation, and how each requirement is followed
 * up until the authority accepts and closes it. Rules that need no state are in {@link OrderRules}.
 */
@Aggregate(cache = EventStoreConfiguration.AGGREGATE_CACHE, snapshotTriggerDefinition = OrderSnapshots.TRIGGER,
        snapshotFilter = OrderSnapshots.FILTER, commandTargetResolver = EventStoreConfiguration.COMMAND_TARGETS)
class SupervisoryOrder extends KeyedAggregateRoot {

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
    @AggregateMember
    private final OrderAppeals appeals = new OrderAppeals(this);
    private LocalDate issuedOn;
    SupervisoryOrder() {
        super(SupervisoryOrder::answerOf); // for Axon: rebuilt from its events
    }

    /** What a command answered, from the first event it applied: repeats of a keyed command get the same. */
    private static Object answerOf(Object firstEvent) {
        if (firstEvent instanceof ActionPlanSubmitted submitted) {
            return submitted.version();
        } else if (firstEvent instanceof NoticeResponded responded) {
            return responded.version();
        } else if (firstEvent instanceof AppealRegistered appeal) {
            return appeal.appealId();
        } else if (firstEvent instanceof SupervisoryOrderClosed closed) {
            return closed.outcomeOrDerived();
        }
        return null;
    }

    /**
     * Partshøring: the order's aggregate starts as a notice, its trail with it. (A handler that may create, not a
     * constructor, so that a repeat of it is recognised by the notice it gave.)
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(GiveNoticeOfOrder command, Actor actor) {
        if (orderId != null) {
            throw RuleViolation.conflict("order-exists", "There is an order " + orderId + " already.");
        }
        OrderRules.assertWellFormed(new ImposeSupervisoryOrder(command.orderId(), command.authorityId(),
                command.organisationId(), command.reference(), command.legalBasis(), command.issuedOn(),
                command.summary(), command.requirements(), null));
        OrderRules.assertResponseDue(command.issuedOn(), command.responseDue());
        Access.creates(actor, Role.INSPECTOR, command.authorityId());
        apply(new NoticeOfOrderGiven(command.orderId(), command.authorityId(), command.organisationId(),
                command.reference(), command.legalBasis(), command.issuedOn(), command.summary(),
                List.copyOf(command.requirements()), command.responseDue()));
    }

    /**
     * Imposes the order: on its notice, once the organisation has answered or the answer's day has passed; or, with
     * nothing stored under the id, directly, saying why no notice was given.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ImposeSupervisoryOrder command, Actor actor, DeadlineManager deadlines) {
        ImposeSupervisoryOrder imposition;
        if (orderId == null) {
            if (command.onNotice()) {
                throw RuleViolation.notFound(RuleViolationInterceptor.UNKNOWN_ID, "There is no notice "
                        + command.orderId() + ".");
            }
            OrderRules.assertWellFormed(command);
            Access.creates(actor, Role.INSPECTOR, command.authorityId());
            RuleViolation.requireText(command.noticeWaivedReason(), "notice-waived-reason-required", "An order "
                    + "imposed without notice (partshøring) must say why none was given.", "noticeWaivedReason");
            imposition = command;
        } else {
            Access.onOrder(actor, authorityId, organisationId, Role.INSPECTOR);
            if (!command.onNotice()) {
                throw RuleViolation.conflict("order-exists", "There is an order " + orderId + " already.");
            }
            stage.assertInNotice();
            stage.assertHeard(DanishCalendar.today());
            imposition = command.as(stage.notice());
            OrderRules.assertWellFormed(imposition);
            OrderRules.assertNotBefore(imposition.issuedOn(), stage.notice().issuedOn());
        }
        apply(new SupervisoryOrderImposed(imposition.orderId(), imposition.authorityId(),
                imposition.organisationId(), imposition.reference(), imposition.legalBasis(), imposition.issuedOn(),
                imposition.summary(), List.copyOf(imposition.requirements()), imposition.noticeWaivedReason(),
                imposition.onNotice()));
        imposition.requirements().forEach(r -> schedule(deadlines, new RequirementDeadline(r.requirementId(),
                r.deadline())));
    }

    @CommandHandler
    int handle(RespondToNotice command, Actor actor) {
        Access.onOrder(actor, authorityId, organisationId, Role.LEADER);
        stage.assertInNotice();
        RuleViolation.requireText(command.response(), "notice-response-incomplete", "An answer to the notice needs "
                + "its text.", "response");
        List<Remedy> remedies = command.remedies() == null ? List.of() : List.copyOf(command.remedies());
        OrderRules.assertRemediesOfDrafts(remedies, stage.notice());
        int version = stage.nextResponse(DanishCalendar.today());
        apply(new NoticeResponded(orderId, version, command.response(), remedies));
        return version;
    }

    @CommandHandler
    void handle(LetNoticeLapse command, Actor actor) {
        Access.onOrder(actor, authorityId, organisationId, Role.INSPECTOR);
        stage.assertInNotice();
        OrderRules.requireReason(command.reason(), "Letting a notice lapse");
        apply(new NoticeLapsed(orderId, command.reason()));
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
        stage.assertImposed();
        requirement(command.requirementId());
        return chain.proceed();
    }

    /** A leader withdraws a document attached to one of the requirements (a case's are withdrawn on the case). */
    @CommandHandler
    void handle(WithdrawEvidenceDocument command, Actor actor) {
        Access.onOrder(actor, authorityId, organisationId, Role.LEADER);
        OrderRequirement holder = requirements.values().stream().filter(r -> r.holdsDocument(command.documentId()))
                .findFirst().orElseThrow(() -> RuleViolation.notFound("unknown-document",
                        "Order " + orderId + " has no document " + command.documentId() + "."));
        holder.withdrawDocument(command.documentId(), command.reason(), actor);
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
        List<UUID> reported = namedOr(command.requirementIds(), OrderRequirement::reportable,
                OrderRequirement::assertReportable);
        if (reported.isEmpty()) {
            throw RuleViolation.unprocessable("nothing-to-report", "No requirement is verified as met and "
                    + "waiting to be reported: verify one first, or name the requirements to report.");
        }
        apply(new ComplianceReportSubmitted(orderId, command.summary(), reported));
    }

    @CommandHandler
    void handle(AcceptCompliance command, Actor actor) {
        Access.onOrder(actor, authorityId, organisationId, Role.INSPECTOR);
        stage.assertNotClosed();
        List<UUID> accepted = namedOr(command.requirementIds(), OrderRequirement::awaitsDecision,
                OrderRequirement::assertAwaitsDecision);
        if (accepted.isEmpty()) {
            throw RuleViolation.conflict("no-report-to-decide", "No requirement is reported and awaiting a "
                    + "decision.");
        }
        boolean orderAccepted = requirements.values().stream()
                .allMatch(r -> r.settled() || accepted.contains(r.requirementId()));
        apply(new ComplianceAccepted(orderId, accepted, orderAccepted));
    }

    @CommandHandler
    void handle(RejectCompliance command, Actor actor, DeadlineManager deadlines) {
        Access.onOrder(actor, authorityId, organisationId, Role.INSPECTOR);
        stage.assertNotClosed();
        List<Rejection> rejections = OrderRules.assertRejectionsReasoned(command.rejections());
        for (int i = 0; i < rejections.size(); i++) {
            UUID id = rejections.get(i).requirementId();
            try {
                requirement(id).assertAwaitsDecision();
            } catch (RuleViolation violation) {
                throw violation.at("rejections[" + i + "].requirementId");
            }
        }
        apply(ComplianceRejected.of(orderId, rejections));
        rejections.forEach(r -> schedule(deadlines,
                new RequirementDeadline(r.requirementId(), requirements.get(r.requirementId()).deadline())));
    }

    /**
     * The requirements a command names in {@code requirementIds} — each once, each the order's, each passing
     * {@code eachNamed} — or, when it names none, those {@code byDefault} selects, in the order imposed.
     */
    List<UUID> namedOr(List<UUID> ids, Predicate<OrderRequirement> byDefault,
                       Consumer<OrderRequirement> eachNamed) {
        if (ids == null || ids.isEmpty()) {
            return requirementIds(byDefault);
        }
        List<UUID> distinct = ids.stream().distinct().toList();
        if (distinct.size() != ids.size()) {
            throw RuleViolation.unprocessable("requirement-named-twice", "Name each requirement once.")
                    .at("requirementIds");
        }
        distinct.forEach(this::requirement);
        distinct.forEach(id -> eachNamed.accept(requirement(id)));
        return distinct;
    }

    private List<UUID> requirementIds(Predicate<OrderRequirement> which) {
        return requirements.values().stream().filter(which).map(OrderRequirement::requirementId).toList();
    }

    @CommandHandler
    OrderOutcome handle(CloseSupervisoryOrder command, Actor actor, DeadlineManager deadlines) {
        Access.onOrder(actor, authorityId, organisationId, Role.INSPECTOR);
        stage.assertNotClosed();
        OrderRules.assertOutcomeStated(command, complied(), appeals.annulledAny());
        apply(new SupervisoryOrderClosed(orderId, command.reason(), command.outcome() == OrderOutcome.WITHDRAWN,
                command.outcome()));
        cancelDeadlines(deadlines);
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
    void on(NoticeOfOrderGiven event) {
        orderId = event.orderId();
        authorityId = event.authorityId();
        organisationId = event.organisationId();
    }

    @EventSourcingHandler
    void on(SupervisoryOrderImposed event) {
        issuedOn = event.issuedOn();
        orderId = event.orderId();
        authorityId = event.authorityId();
        organisationId = event.organisationId();
        event.requirements().forEach(r -> requirements.put(r.requirementId(), new OrderRequirement(this, r)));
    }

    @EventSourcingHandler
    void on(ComplianceReportSubmitted event) {
        requirements.values().stream().filter(r -> event.covers(r.requirementId()))
                .forEach(OrderRequirement::reportedNow);
    }

    @EventSourcingHandler
    void on(ComplianceAccepted event) {
        requirements.values().stream().filter(r -> r.awaitsDecision() && event.covers(r.requirementId()))
                .forEach(OrderRequirement::acceptedNow);
    }

    @EventSourcingHandler
    void on(ComplianceRejected event) {
        // a rejection stored before reports were per requirement sent the whole report back
        requirements.values().stream()
                .filter(r -> event.wholeReport() ? r.awaitsDecision() : event.requirementIds().contains(
                        r.requirementId()))
                .forEach(r -> r.sentBack(event.reasonFor(r.requirementId()) != null));
    }

    /** Every requirement is settled, at least one accepted by the authority (the others annulled by appeal). */
    private boolean complied() {
        return requirements.values().stream().allMatch(OrderRequirement::settled)
                && requirements.values().stream().anyMatch(OrderRequirement::accepted);
    }

    /** The order ends: no requirement's deadline nor skærpet tilsyn runs on. */
    void cancelDeadlines(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(RequirementDeadline.NAME);
        deadlines.cancelAllWithinScope(EscalationDeadline.NAME);
    }

    LocalDate issuedOn() {
        return issuedOn;
    }

    /** The requirements neither accepted nor annulled, in the order imposed. */
    List<UUID> standingRequirementIds() {
        return requirementIds(r -> !r.settled());
    }

    LocalDate deadlineOf(UUID requirementId) {
        return requirement(requirementId).deadline();
    }

    boolean anyAnnulled() {
        return requirements.values().stream().anyMatch(OrderRequirement::annulled);
    }

    static void schedule(DeadlineManager deadlines, RequirementDeadline deadline) {
        deadlines.schedule(deadline.passesAt(), RequirementDeadline.NAME, deadline);
    }

    OrderRequirement requirement(UUID requirementId) {
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

    /** The order's whole state, and the keys its commands applied, for a snapshot (ADR 21). */
    OrderSnapshot snapshot() {
        List<OrderSnapshot.KeyAnswer> keys = new ArrayList<>();
        appliedKeys().forEach((key, answer) -> keys.add(OrderSnapshot.KeyAnswer.of(key, answer)));
        return new OrderSnapshot(orderId, authorityId, organisationId, issuedOn,
                requirements.values().stream().map(OrderRequirement::snapshot).toList(), stage.snapshot(),
                publications.snapshot(), escalation.snapshot(), appeals.snapshot(), keys);
    }

    /** The order as {@code snapshot} holds it, to apply the events after the snapshot to. */
    static SupervisoryOrder restore(OrderSnapshot snapshot) {
        SupervisoryOrder order = new SupervisoryOrder();
        order.orderId = snapshot.orderId();
        order.authorityId = snapshot.authorityId();
        order.organisationId = snapshot.organisationId();
        order.issuedOn = snapshot.issuedOn();
        snapshot.requirements().forEach(requirement -> order.requirements.put(requirement.id(),
                new OrderRequirement(order, requirement)));
        order.stage.restore(snapshot.stage());
        order.publications.restore(snapshot.publications());
        order.escalation.restore(snapshot.escalation());
        order.appeals.restore(snapshot.appeals());
        snapshot.appliedKeys().forEach(key -> order.appliedKeys().restore(key.key(), key.answer()));
        return order;
    }
}
