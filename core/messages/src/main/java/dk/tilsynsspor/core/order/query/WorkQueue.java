package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What waits for one authority on {@code day}, over its orders that are not closed and its closed orders still
 * published: notices whose organisations may answer, reports awaiting a decision, action plans not yet reviewed,
 * requests for a later deadline not yet answered, requirements past their deadline, orders under skærpet tilsyn, and
 * closed orders whose publication was not withdrawn. Each list is oldest (or most urgent) first.
 */
public record WorkQueue(LocalDate day, List<NoticeToAnswer> notices, List<ReportToDecide> reports,
                        List<PlanToReview> plans, List<ExtensionToAnswer> extensions,
                        List<OverdueRequirement> overdue, List<EscalatedOrder> escalated,
                        List<StillPublished> stillPublished) {

    public WorkQueue {
        notices = List.copyOf(notices);
        reports = List.copyOf(reports);
        plans = List.copyOf(plans);
        extensions = List.copyOf(extensions);
        overdue = List.copyOf(overdue);
        escalated = List.copyOf(escalated);
        stillPublished = List.copyOf(stillPublished);
    }

    /** The queue of no one: what a requester who is not an inspector is answered. */
    public static WorkQueue empty(LocalDate day) {
        return new WorkQueue(day, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The order a line of the queue is about. */
    public record OrderLine(UUID orderId, String reference, String organisationId) {
    }

    /** The requirement a line of the queue is about, its title and deadline as amended by appeal, if they were. */
    public record RequirementLine(UUID requirementId, int number, String title, LocalDate deadline) {
    }

    /** A notice (partshøring) not yet imposed or lapsed; {@code lastAnsweredAt} null while unanswered. */
    public record NoticeToAnswer(OrderLine order, LocalDate responseDue, Instant lastAnsweredAt) {
    }

    /** A report with requirements awaiting the authority's decision. */
    public record ReportToDecide(OrderLine order, Instant submittedAt) {
    }

    /** A requirement's latest action plan, not yet reviewed. */
    public record PlanToReview(OrderLine order, RequirementLine requirement, int version, Instant submittedAt) {
    }

    /** A request for a later deadline, neither granted nor refused. */
    public record ExtensionToAnswer(OrderLine order, RequirementLine requirement, LocalDate proposedDeadline,
                                    Instant requestedAt) {
    }

    /** A requirement past its deadline, or whose deadline was recorded as missed; {@code daysLeft} as the dossier. */
    public record OverdueRequirement(OrderLine order, RequirementLine requirement, long daysLeft) {
    }

    /** An order under skærpet tilsyn; {@code until} null for one escalated before escalations had an end. */
    public record EscalatedOrder(OrderLine order, String reason, LocalDate until) {
    }

    /** A closed order still published somewhere; {@code closedAt} null if its closure could not be read. */
    public record StillPublished(OrderLine order, Instant closedAt) {
    }
}
