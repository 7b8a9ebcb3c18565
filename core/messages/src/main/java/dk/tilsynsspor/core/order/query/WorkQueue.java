package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    /** The organisations something waits for, each once, in the order of their ids. */
    public SortedSet<String> organisations() {
        return Stream.of(notices, reports, plans, extensions, overdue, escalated, stillPublished)
                .flatMap(List::stream).map(line -> line.order().organisationId())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The lines of one organisation's orders only, each list in its order. */
    public WorkQueue of(String organisationId) {
        return new WorkQueue(day, only(notices, organisationId), only(reports, organisationId),
                only(plans, organisationId), only(extensions, organisationId), only(overdue, organisationId),
                only(escalated, organisationId), only(stillPublished, organisationId));
    }

    private static <T extends Line> List<T> only(List<T> lines, String organisationId) {
        return lines.stream().filter(line -> line.order().organisationId().equals(organisationId)).toList();
    }

    /** A line of the queue: something of one order. */
    public interface Line {
        OrderLine order();
    }

    /** The order a line of the queue is about. */
    public record OrderLine(UUID orderId, String reference, String organisationId) {
    }

    /** The requirement a line of the queue is about, its title and deadline as amended by appeal, if they were. */
    public record RequirementLine(UUID requirementId, int number, String title, LocalDate deadline) {
    }

    /** A notice (partshøring) not yet imposed or lapsed; {@code lastAnsweredAt} null while unanswered. */
    public record NoticeToAnswer(OrderLine order, LocalDate responseDue, Instant lastAnsweredAt) implements Line {
    }

    /** A report with requirements awaiting the authority's decision. */
    public record ReportToDecide(OrderLine order, Instant submittedAt) implements Line {
    }

    /** A requirement's latest action plan, not yet reviewed. */
    public record PlanToReview(OrderLine order, RequirementLine requirement, int version, Instant submittedAt)
            implements Line {
    }

    /** A request for a later deadline, neither granted nor refused. */
    public record ExtensionToAnswer(OrderLine order, RequirementLine requirement, LocalDate proposedDeadline,
                                    Instant requestedAt) implements Line {
    }

    /** A requirement past its deadline, or whose deadline was recorded as missed; {@code daysLeft} as the dossier. */
    public record OverdueRequirement(OrderLine order, RequirementLine requirement, long daysLeft) implements Line {
    }

    /** An order under skærpet tilsyn; {@code until} null for one escalated before escalations had an end. */
    public record EscalatedOrder(OrderLine order, String reason, LocalDate until) implements Line {
    }

    /** A closed order still published somewhere; {@code closedAt} null if its closure could not be read. */
    public record StillPublished(OrderLine order, Instant closedAt) implements Line {
    }
}
