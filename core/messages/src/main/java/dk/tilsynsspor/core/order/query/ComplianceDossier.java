package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What proves to the inspector how each required change of one order was followed up. {@code asOf} is null for the
 * present. {@code unreadableEvents} counts the order's events that could not be read into it (stored before input
 * was checked); they are still in the audit trail. {@code complianceReport} is the last of {@code reports}.
 * {@code notice}: the partshøring the order started with (while {@code NOTICE}, {@code requirements} are its drafts),
 * or null; {@code noticeWaivedReason}: why an order imposed directly had none.
 */
public record ComplianceDossier(
        UUID orderId,
        String reference,
        String authorityId,
        String organisationId,
        String legalBasis,
        LocalDate issuedOn,
        String summary,
        OrderStatus status,
        boolean escalated,
        String escalationReason,
        Instant imposedAt,
        Instant acknowledgedAt,
        Instant asOf,
        List<RequirementDossier> requirements,
        List<CaseSummary> cases,
        ComplianceReport complianceReport,
        List<AuthorityDecision> decisions,
        Closure closure,
        int unreadableEvents,
        List<Publication> publications,
        Escalation escalation,
        List<ComplianceReport> reports,
        Notice notice,
        String noticeWaivedReason,
        List<Appeal> appeals) {

    /** Whether an appeal not yet decided by Ankestyrelsen holds the requirement (another appeal of it is refused). */
    public boolean underOpenAppeal(UUID requirementId) {
        return appeals.stream().anyMatch(appeal -> appeal.outcome() == null
                && appeal.requirementIds().contains(requirementId));
    }

    /**
     * The requirements an appeal may name now: still standing (neither accepted nor annulled) and held by no open
     * appeal.
     */
    public List<RequirementDossier> appealable() {
        return requirements.stream().filter(r -> !r.status().settled() && !underOpenAppeal(r.requirementId()))
                .toList();
    }
}
