package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.casework.query.InsightView;
import dk.tilsynsspor.core.casework.query.PracticeChanges;
import dk.tilsynsspor.core.casework.query.SessionView;
import dk.tilsynsspor.core.casework.query.ThemeView;
import dk.tilsynsspor.core.order.QualityTheme;

import java.time.LocalDate;
import dk.tilsynsspor.core.order.EvidenceKind;

import java.util.List;
import java.util.UUID;

/**
 * One requirement and its follow-up. {@code daysLeft} counts to the deadline from today (or the as-of day); negative
 * once passed. {@code report}: the last report covering it; {@code decision}: the authority's last decision on it.
 * {@code title}, {@code requiredChange} and {@code deadline} are as amended by appeal, if they were
 * ({@code amendments}). {@code requiredEvidence}: the kinds of evidence its verification must cite;
 * {@code documents}: those attached for it, on the requirement or on a case, withdrawn ones included.
 */
public record RequirementDossier(
        UUID requirementId,
        int number,
        String title,
        String requiredChange,
        QualityTheme qualityTheme,
        LocalDate deadline,
        long daysLeft,
        RequirementStatus status,
        boolean deadlineMissed,
        List<DeadlineExtension> deadlineExtensions,
        List<ActionPlanVersion> actionPlans,
        QualityGoal qualityGoal,
        List<SessionView> sessions,
        List<InsightView> insights,
        List<ThemeView> themes,
        Verification verification,
        String reworkReason,
        List<DeadlineExtensionRequest> extensionRequests,
        List<RequirementComment> comments,
        ComplianceReport report,
        AuthorityDecision decision,
        List<RequirementAmendment> amendments,
        PracticeChanges practiceChanges,
        List<EvidenceKind> requiredEvidence,
        List<EvidenceDocument> documents) {

    /** The requirement's action plan as it stands: its latest version, or null when none was submitted. */
    public ActionPlanVersion latestPlan() {
        return actionPlans.isEmpty() ? null : actionPlans.get(actionPlans.size() - 1);
    }
}
