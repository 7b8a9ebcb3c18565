package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.document.DocumentRules;
import dk.tilsynsspor.command.lookup.DocumentDirectory;
import dk.tilsynsspor.command.lookup.InsightDirectory;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.order.ActionPlanSubmitted;
import dk.tilsynsspor.core.order.AttachEvidenceDocument;
import dk.tilsynsspor.core.order.DefineQualityGoal;
import dk.tilsynsspor.core.order.EvidenceDocumentAttached;
import dk.tilsynsspor.core.order.EvidenceDocumentWithdrawn;
import dk.tilsynsspor.core.order.EvidenceKind;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.order.ExtendRequirementDeadline;
import dk.tilsynsspor.core.order.QualityGoalDefined;
import dk.tilsynsspor.core.order.QualityImprovementVerified;
import dk.tilsynsspor.core.order.QualityMeasurementRecorded;
import dk.tilsynsspor.core.order.RecordQualityMeasurement;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.RequirementDeadlineExtended;
import dk.tilsynsspor.core.order.RequirementDeadlineMissed;
import dk.tilsynsspor.core.order.RequirementAmended;
import dk.tilsynsspor.core.order.RequirementAnnulled;
import dk.tilsynsspor.core.order.SubmitActionPlan;
import dk.tilsynsspor.core.order.VerifyQualityImprovement;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.EntityId;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One requirement of an order, an entity of {@link SupervisoryOrder}: its follow-up from action plan to
 * verification, the rules that read its state, and the events that change it. The order decides first who may
 * send the command (its command-handler interceptor) and whether the order still takes changes.
 */
final class OrderRequirement {

    private final SupervisoryOrder order;
    @EntityId
    private final UUID requirementId;
    private String title;
    private LocalDate deadline;
    private final Set<EvidenceKind> requiredEvidence;
    /** The documents attached to the requirement itself (not to a case), and whether each is withdrawn. */
    private final Map<UUID, Boolean> documents = new LinkedHashMap<>();
    private int actionPlanVersions;
    private QualityGoalDefined goal;
    /** The ids of the measurements recorded for it: a new one must not repeat one, evidence may only cite one. */
    private final Set<UUID> measurementIds = new LinkedHashSet<>();
    /** The measurement taken last (by the date measured; of one day, the one recorded last): verification reads it. */
    private QualityMeasurementRecorded latestMeasurement;
    private boolean verified;
    private LocalDate missedDeadline;
    /** Reported to the authority and awaiting its decision: the follow-up is frozen until then. */
    private boolean reported;
    /** Accepted by the authority: settled. */
    private boolean accepted;
    /** Annulled by an appeal's decision: settled. */
    private boolean annulled;
    @AggregateMember
    private final RequirementDialogue dialogue = new RequirementDialogue(this);

    OrderRequirement(SupervisoryOrder order, Requirement requirement) {
        this.order = order;
        this.requirementId = requirement.requirementId();
        this.title = requirement.title();
        this.deadline = requirement.deadline();
        this.requiredEvidence = requirement.evidenceRequired();
    }

    /** The requirement as a snapshot of its order stored it. */
    OrderRequirement(SupervisoryOrder order, OrderSnapshot.Requirement state) {
        this.order = order;
        this.requirementId = state.id();
        this.title = state.title();
        this.deadline = state.deadline();
        this.requiredEvidence = state.requiredEvidence();
        this.documents.putAll(state.documents());
        this.actionPlanVersions = state.actionPlanVersions();
        this.goal = state.goal();
        this.measurementIds.addAll(state.measurementIds());
        this.latestMeasurement = state.latestMeasurement() == null ? null
                : state.latestMeasurement().recorded(order.orderId(), requirementId);
        this.verified = state.verified();
        this.missedDeadline = state.missedDeadline();
        this.reported = state.reported();
        this.accepted = state.accepted();
        this.annulled = state.annulled();
        this.dialogue.restore(state.dialogue());
    }

    @CommandHandler
    int handle(SubmitActionPlan command) {
        assertChangeable();
        OrderRules.assertActionPlanComplete(command);
        int version = actionPlanVersions + 1;
        apply(new ActionPlanSubmitted(command.orderId(), requirementId, version, command.plannedChanges(),
                command.responsibleLeader(), List.copyOf(command.milestones())));
        return version;
    }

    @CommandHandler
    void handle(DefineQualityGoal command) {
        assertChangeable();
        assertNoGoalYet();
        OrderRules.assertGoalImproves(command);
        apply(new QualityGoalDefined(command.orderId(), requirementId, command.indicator(), command.unit(),
                command.baseline(), command.target(), command.direction()));
    }

    @CommandHandler
    void handle(RecordQualityMeasurement command) {
        assertChangeable();
        assertGoal();
        assertNewMeasurement(command.measurementId());
        OrderRules.assertMeasurementComplete(command);
        apply(new QualityMeasurementRecorded(command.orderId(), requirementId, command.measurementId(),
                command.value(), command.measuredOn(), command.source()));
    }

    @CommandHandler
    void handle(VerifyQualityImprovement command, InsightDirectory insights, DocumentDirectory documents) {
        assertChangeable();
        OrderRules.assertEvidenceCited(command, this);
        command.evidence().measurements().forEach(this::assertOwnMeasurement);
        command.evidence().insights().forEach(id -> OrderRules.assertInsightServes(insights, id,
                command.orderId(), requirementId, this));
        command.evidence().documents().forEach(id -> OrderRules.assertDocumentServes(documents, id,
                command.orderId(), requirementId, this));
        if (command.goalMet() && requiredEvidence.contains(EvidenceKind.MEASUREMENT)) {
            OrderRules.assertGoalReached(this);
        }
        apply(new QualityImprovementVerified(command.orderId(), requirementId, command.goalMet(),
                command.conclusion(), command.evidence()));
    }

    /** A leader attaches a document to the requirement; its bytes are kept already (DocumentController). */
    @CommandHandler
    void handle(AttachEvidenceDocument command, Actor actor) {
        assertChangeable();
        DocumentRules.assertAttachable(command.title(), command.fileName(), command.mediaType(), command.size(),
                command.sha256(), command.effectiveOn());
        if (command.documentId() == null || documents.containsKey(command.documentId())) {
            throw RuleViolation.conflict("document-exists", "Document " + command.documentId() + " exists already.");
        }
        apply(new EvidenceDocumentAttached(command.orderId(), requirementId, null, command.documentId(), actor.id(),
                command.title(), command.fileName(), command.mediaType(), command.size(), command.sha256(),
                command.effectiveOn()));
    }

    /** Whether the document was attached to this requirement itself. */
    boolean holdsDocument(UUID documentId) {
        return documents.containsKey(documentId);
    }

    /** A leader withdraws a document of this requirement (the order checked who). */
    void withdrawDocument(UUID documentId, String reason, Actor actor) {
        assertChangeable();
        OrderRules.requireReason(reason, "Withdrawing a document");
        if (documents.get(documentId)) {
            throw RuleViolation.conflict("document-withdrawn", "Document " + documentId + " is withdrawn already.");
        }
        apply(new EvidenceDocumentWithdrawn(order.orderId(), requirementId, null, documentId, actor.id(),
                reason.strip()));
    }

    Set<EvidenceKind> requiredEvidence() {
        return requiredEvidence;
    }

    @CommandHandler
    void handle(ExtendRequirementDeadline command, DeadlineManager deadlines) {
        order.assertNotClosed();
        assertNotSettled();
        OrderRules.requireReason(command.reason(), "A deadline extension");
        OrderRules.assertLater(command.newDeadline(), this, "newDeadline");
        UUID answering = dialogue.answeredBy(command.requestId());
        apply(new RequirementDeadlineExtended(command.orderId(), requirementId, deadline, command.newDeadline(),
                command.reason(), answering));
        SupervisoryOrder.schedule(deadlines, new RequirementDeadline(requirementId, command.newDeadline()));
    }

    SupervisoryOrder order() {
        return order;
    }

    UUID requirementId() {
        return requirementId;
    }

    /**
     * The requirement's follow-up may still change: the order takes follow-up, and the requirement neither awaits
     * the authority's decision nor is settled. The others go on whatever this one's state.
     */
    void assertChangeable() {
        order.assertChangeable();
        assertNotSettled();
        if (reported) {
            throw RuleViolation.conflict("report-under-review", "The report on " + describe()
                    + " awaits the authority's decision; its follow-up cannot change until then.");
        }
    }

    /** Not accepted by the authority: a settled requirement takes no more follow-up, nor a later deadline. */
    void assertNotSettled() {
        if (annulled) {
            throw RuleViolation.conflict("requirement-annulled", "An appeal's decision annulled " + describe()
                    + "; there is nothing more to follow up.");
        }
        if (accepted) {
            throw RuleViolation.conflict("compliance-accepted", "The authority has accepted compliance with "
                    + describe() + "; its follow-up can no longer change.");
        }
    }

    /** Verified as met, neither reported nor settled: it may be reported. */
    boolean reportable() {
        return verified && !reported && !accepted;
    }

    void assertReportable() {
        assertNotSettled();
        if (reported) {
            throw RuleViolation.conflict("already-reported", describe().substring(0, 1).toUpperCase()
                    + describe().substring(1) + " is reported already and awaits the authority's decision.");
        }
        if (!verified) {
            throw RuleViolation.unprocessable("requirements-not-verified", "Only a requirement verified as met can "
                    + "be reported; " + describe() + " is not.");
        }
    }

    boolean awaitsDecision() {
        return reported;
    }

    void assertAwaitsDecision() {
        if (!reported) {
            throw RuleViolation.conflict("not-reported", describe().substring(0, 1).toUpperCase()
                    + describe().substring(1) + " does not await a decision: it is not reported.");
        }
    }

    boolean accepted() {
        return accepted;
    }

    boolean annulled() {
        return annulled;
    }

    /** Accepted by the authority or annulled by an appeal: nothing more to follow up. */
    boolean settled() {
        return accepted || annulled;
    }

    String describe() {
        return "requirement '" + title + "' (" + requirementId + ")";
    }

    LocalDate deadline() {
        return deadline;
    }

    boolean verified() {
        return verified;
    }

    void assertNoGoalYet() {
        if (goal != null) {
            throw RuleViolation.conflict("quality-goal-already-defined", "The quality goal of " + describe()
                    + " is already defined (" + goal.indicator() + ", target " + goal.target() + ").");
        }
    }

    QualityGoalDefined assertGoal() {
        if (goal == null) {
            throw RuleViolation.unprocessable("no-quality-goal",
                    "Define a quality goal for " + describe() + " before recording or citing measurements.");
        }
        return goal;
    }

    void assertNewMeasurement(UUID measurementId) {
        if (measurementIds.contains(measurementId)) {
            throw RuleViolation.conflict("measurement-exists",
                    "Measurement " + measurementId + " is recorded already.");
        }
    }

    void assertOwnMeasurement(UUID measurementId) {
        if (!measurementIds.contains(measurementId)) {
            throw RuleViolation.unprocessable("unknown-measurement", "Measurement " + measurementId
                    + " was not recorded for " + describe() + ".");
        }
    }

    /** The measurement taken last (by the date measured; of one day, the one recorded last). */
    Optional<QualityMeasurementRecorded> latestMeasurement() {
        return Optional.ofNullable(latestMeasurement);
    }

    /** Whether a deadline that fires for {@code scheduledFor} still means this requirement missed it. */
    boolean misses(LocalDate scheduledFor) {
        return !verified && !annulled && scheduledFor.equals(deadline) && !scheduledFor.equals(missedDeadline);
    }

    @EventSourcingHandler
    void on(ActionPlanSubmitted event) {
        actionPlanVersions = event.version();
    }

    @EventSourcingHandler
    void on(QualityGoalDefined event) {
        goal = event;
    }

    @EventSourcingHandler
    void on(QualityMeasurementRecorded event) {
        measurementIds.add(event.measurementId());
        if (latestMeasurement == null || !event.measuredOn().isBefore(latestMeasurement.measuredOn())) {
            latestMeasurement = event;
        }
    }

    @EventSourcingHandler
    void on(EvidenceDocumentAttached event) {
        if (event.caseId() == null) {
            documents.put(event.documentId(), false);
        }
    }

    @EventSourcingHandler
    void on(EvidenceDocumentWithdrawn event) {
        if (event.caseId() == null) {
            documents.put(event.documentId(), true);
        }
    }

    @EventSourcingHandler
    void on(QualityImprovementVerified event) {
        verified = event.goalMet();
    }

    @EventSourcingHandler
    void on(RequirementDeadlineExtended event) {
        deadline = event.newDeadline();
    }

    /** What was verified or reported of the old text no longer counts. */
    @EventSourcingHandler
    void on(RequirementAmended event) {
        title = event.title();
        deadline = event.deadline();
        verified = false;
        reported = false;
    }

    @EventSourcingHandler
    void on(RequirementAnnulled event) {
        annulled = true;
        reported = false;
    }

    @EventSourcingHandler
    void on(RequirementDeadlineMissed event) {
        missedDeadline = event.deadline();
    }

    void reportedNow() {
        reported = true;
    }

    void acceptedNow() {
        reported = false;
        accepted = true;
    }

    /** The authority's decision sends the report on it back: to work ({@code rework}), or only to be reported again. */
    void sentBack(boolean rework) {
        reported = false;
        if (rework) {
            verified = false;
        }
    }

    OrderSnapshot.Requirement snapshot() {
        return new OrderSnapshot.Requirement(requirementId, title, deadline, requiredEvidence,
                new LinkedHashMap<>(documents), actionPlanVersions, goal,
                List.copyOf(measurementIds),
                latestMeasurement == null ? null : OrderSnapshot.Measurement.of(latestMeasurement), verified,
                missedDeadline, reported, accepted, annulled, dialogue.snapshot());
    }

    /**
     * Value equality (the order it belongs to aside), so that Axon's fixtures can compare state rebuilt from events
     * with state after handling.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof OrderRequirement that
                && requirementId.equals(that.requirementId) && title.equals(that.title)
                && deadline.equals(that.deadline) && requiredEvidence.equals(that.requiredEvidence)
                && documents.equals(that.documents) && actionPlanVersions == that.actionPlanVersions
                && Objects.equals(goal, that.goal) && measurementIds.equals(that.measurementIds)
                && Objects.equals(latestMeasurement, that.latestMeasurement)
                && verified == that.verified && Objects.equals(missedDeadline, that.missedDeadline)
                && reported == that.reported && accepted == that.accepted && annulled == that.annulled
                && dialogue.equals(that.dialogue);
    }

    @Override
    public int hashCode() {
        return requirementId.hashCode();
    }
}
