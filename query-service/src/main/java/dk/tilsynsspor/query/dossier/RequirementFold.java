package dk.tilsynsspor.query.dossier;

import dk.tilsynsspor.core.order.ActionPlanReviewed;
import dk.tilsynsspor.core.order.DeadlineExtensionRefused;
import dk.tilsynsspor.core.order.DeadlineExtensionRequested;
import dk.tilsynsspor.core.order.RequirementCommented;
import dk.tilsynsspor.core.order.query.DeadlineExtensionRequest;
import dk.tilsynsspor.core.order.query.ExtensionRequestStatus;
import dk.tilsynsspor.core.order.query.PlanReview;
import dk.tilsynsspor.core.order.query.RequirementComment;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.core.casework.query.InsightView;
import dk.tilsynsspor.core.casework.query.PracticeChanges;
import dk.tilsynsspor.core.casework.query.SessionView;
import dk.tilsynsspor.core.casework.query.ThemeView;
import dk.tilsynsspor.core.order.ActionPlanSubmitted;
import dk.tilsynsspor.core.order.QualityGoalDefined;
import dk.tilsynsspor.core.order.QualityImprovementVerified;
import dk.tilsynsspor.core.order.query.EvidenceDocument;
import dk.tilsynsspor.core.order.QualityMeasurementRecorded;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.query.ActionPlanVersion;
import dk.tilsynsspor.core.order.query.DeadlineExtension;
import dk.tilsynsspor.core.order.query.Measurement;
import dk.tilsynsspor.core.order.query.QualityGoal;
import dk.tilsynsspor.core.order.query.RequirementDossier;
import dk.tilsynsspor.core.order.query.RequirementStatus;
import dk.tilsynsspor.core.order.query.RequirementStatus.Standing;
import dk.tilsynsspor.core.order.query.AuthorityDecision;
import dk.tilsynsspor.core.order.query.RequirementAmendment;
import dk.tilsynsspor.core.order.RequirementAmended;
import dk.tilsynsspor.core.order.query.ComplianceReport;
import dk.tilsynsspor.core.order.query.Verification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** One requirement's follow-up while an order's trail is folded. */
final class RequirementFold {

    private final Requirement requirement;
    private final int number;
    private LocalDate deadline;
    private LocalDate missedDeadline;
    private final List<DeadlineExtension> extensions = new ArrayList<>();
    private final List<ActionPlanVersion> actionPlans = new ArrayList<>();
    private QualityGoalDefined goal;
    private final Map<UUID, Measurement> measurements = new LinkedHashMap<>();
    private QualityImprovementVerified verification;
    private Instant verifiedAt;
    private String verifiedBy;
    private String reworkReason;
    private final Map<UUID, DeadlineExtensionRequest> extensionRequests = new LinkedHashMap<>();
    private final List<RequirementComment> comments = new ArrayList<>();
    private boolean reported;
    private boolean accepted;
    private ComplianceReport report;
    private AuthorityDecision decision;
    private String title;
    private String requiredChange;
    private boolean annulled;
    /** Amended by appeal and not verified since. */
    private boolean amended;
    private final List<RequirementAmendment> amendments = new ArrayList<>();

    /** A draft requirement of a notice, not (yet) imposed. */
    private final boolean draft;

    RequirementFold(Requirement requirement, int number) {
        this(requirement, number, false);
    }

    RequirementFold(Requirement requirement, int number, boolean draft) {
        this.requirement = requirement;
        this.number = number;
        this.deadline = requirement.deadline();
        this.draft = draft;
        this.title = requirement.title();
        this.requiredChange = requirement.requiredChange();
    }

    void extended(DeadlineExtension extension) {
        extensions.add(extension);
        deadline = extension.newDeadline();
        if (extension.requestId() != null) {
            extensionRequests.computeIfPresent(extension.requestId(), (id, request) -> request.answered(
                    ExtensionRequestStatus.GRANTED, extension.reason(), extension.newDeadline(),
                    extension.extendedAt(), extension.extendedBy()));
        }
    }

    void extensionRequested(DeadlineExtensionRequested e, Instant at, String by) {
        extensionRequests.put(e.requestId(), new DeadlineExtensionRequest(e.requestId(), e.currentDeadline(),
                e.proposedDeadline(), e.reason(), at, by, ExtensionRequestStatus.OPEN, null, null, null, null));
    }

    void extensionRefused(DeadlineExtensionRefused e, Instant at, String by) {
        extensionRequests.computeIfPresent(e.requestId(), (id, request) -> request.answered(
                ExtensionRequestStatus.REFUSED, e.reason(), null, at, by));
    }

    void reviewed(ActionPlanReviewed e, Instant at, String by) {
        for (int i = 0; i < actionPlans.size(); i++) {
            if (actionPlans.get(i).version() == e.version()) {
                actionPlans.set(i, actionPlans.get(i).reviewed(new PlanReview(e.verdict(), e.remarks(), at, by)));
            }
        }
    }

    void commented(RequirementCommented e, Instant at, String by, Role role) {
        comments.add(new RequirementComment(e.commentId(), e.text(), at, by, role));
    }

    void missed(LocalDate missed) {
        missedDeadline = missed;
    }

    void planned(ActionPlanSubmitted e, Instant at, String by) {
        actionPlans.add(new ActionPlanVersion(e.version(), e.plannedChanges(), e.responsibleLeader(), e.milestones(),
                at, by, null));
    }

    void goal(QualityGoalDefined e) {
        goal = e;
    }

    void measured(QualityMeasurementRecorded e, Instant at) {
        measurements.put(e.measurementId(), new Measurement(e.measurementId(), e.value(), e.measuredOn(), e.source(),
                at));
    }

    /** An appeal's decision amended it: the new text and deadline; what was verified or reported no longer counts. */
    void amended(RequirementAmended e, Instant at, String by) {
        amendments.add(new RequirementAmendment(e.appealId(), title, e.title(), e.requiredChange(),
                e.previousDeadline(), e.deadline(), at, by));
        title = e.title();
        requiredChange = e.requiredChange();
        deadline = e.deadline();
        verification = null;
        reported = false;
        amended = true;
    }

    void annulled() {
        annulled = true;
        reported = false;
    }

    void verified(QualityImprovementVerified e, Instant at, String by) {
        amended = false;
        verification = e;
        verifiedAt = at;
        verifiedBy = by;
        reworkReason = null;
    }

    void reportedIn(ComplianceReport inReport) {
        reported = true;
        report = inReport;
    }

    boolean awaitsDecision() {
        return reported;
    }

    void accepted(AuthorityDecision by) {
        reported = false;
        accepted = true;
        decision = by;
    }

    /** The decision sends the report on it back: to work with a reason, or (a whole report rejected) to report again. */
    void sentBack(AuthorityDecision by, String reason) {
        reported = false;
        decision = by;
        if (reason != null) {
            verification = null;
            reworkReason = reason;
        }
    }

    boolean verifiedAsMet() {
        return verification != null && verification.goalMet();
    }

    RequirementDossier build(LocalDate today, Map<UUID, InsightView> allInsights,
                             List<SessionView> sessions, List<ThemeView> themes,
                             Map<UUID, EvidenceDocument> allDocuments) {
        UUID id = requirement.requirementId();
        List<EvidenceDocument> documents = allDocuments.values().stream().filter(d -> d.requirementId().equals(id))
                .toList();
        List<SessionView> focused = sessions.stream().filter(s -> s.requirementIds().contains(id)).toList();
        List<InsightView> insights = allInsights.values().stream().filter(i -> id.equals(i.requirementId())).toList();
        List<ThemeView> chosen = themes.stream().filter(t -> id.equals(t.requirementId())).toList();
        long daysLeft = ChronoUnit.DAYS.between(today, deadline);
        boolean inProgress = goal != null || !measurements.isEmpty() || !focused.isEmpty() || !insights.isEmpty()
                || !chosen.isEmpty() || reworkReason != null || verification != null || !documents.isEmpty();
        Standing standing = Standing.of(draft, annulled, accepted, reported, verifiedAsMet(), amended);
        RequirementStatus status = RequirementStatus.of(standing, deadlineMissed(), daysLeft, inProgress,
                !actionPlans.isEmpty());
        return new RequirementDossier(id, number, title, requiredChange,
                requirement.qualityTheme(), deadline, daysLeft, status, deadlineMissed(), List.copyOf(extensions),
                List.copyOf(actionPlans), qualityGoal(), focused, insights, chosen, verification(allInsights, allDocuments),
                reworkReason, List.copyOf(extensionRequests.values()), List.copyOf(comments), report, decision,
                List.copyOf(amendments), new PracticeChanges(insights.size(),
                (int) insights.stream().filter(i -> i.followUp() != null).count(),
                (int) insights.stream().filter(i -> i.followUp() != null && i.followUp().adopted()).count()),
                requirement.evidenceRequired().stream().sorted().toList(), documents);
    }

    private boolean deadlineMissed() {
        return deadline.equals(missedDeadline);
    }

    private QualityGoal qualityGoal() {
        if (goal == null) {
            return null;
        }
        List<Measurement> ordered = measurements.values().stream()
                .sorted(Comparator.comparing(Measurement::measuredOn)).toList();
        boolean reached = !ordered.isEmpty()
                && goal.direction().reaches(ordered.get(ordered.size() - 1).value(), goal.target());
        return new QualityGoal(goal.indicator(), goal.unit(), goal.baseline(), goal.target(), goal.direction(),
                ordered, reached);
    }

    private Verification verification(Map<UUID, InsightView> allInsights, Map<UUID, EvidenceDocument> documents) {
        if (verification == null) {
            return null;
        }
        List<InsightView> cited = verification.evidence().insights().stream().map(allInsights::get)
                .filter(Objects::nonNull).toList();
        List<Measurement> measured = verification.evidence().measurements().stream().map(measurements::get)
                .filter(Objects::nonNull).toList();
        List<EvidenceDocument> citedDocuments = verification.evidence().documents().stream().map(documents::get)
                .filter(Objects::nonNull).toList();
        return new Verification(verification.goalMet(), verification.conclusion(), verifiedAt, verifiedBy, cited,
                measured, citedDocuments);
    }
}
