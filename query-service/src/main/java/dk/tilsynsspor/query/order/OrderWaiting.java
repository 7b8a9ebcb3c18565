package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.ActionPlanVersion;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.ExtensionRequestStatus;
import dk.tilsynsspor.core.order.query.NoticeAnswer;
import dk.tilsynsspor.core.order.query.OrderDeadlines;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.order.query.Publication;
import dk.tilsynsspor.core.order.query.RequirementDossier;
import dk.tilsynsspor.core.order.query.WorkQueue.EscalatedOrder;
import dk.tilsynsspor.core.order.query.WorkQueue.ExtensionToAnswer;
import dk.tilsynsspor.core.order.query.WorkQueue.NoticeToAnswer;
import dk.tilsynsspor.core.order.query.WorkQueue.OrderLine;
import dk.tilsynsspor.core.order.query.WorkQueue.OverdueRequirement;
import dk.tilsynsspor.core.order.query.WorkQueue.PlanToReview;
import dk.tilsynsspor.core.order.query.WorkQueue.ReportToDecide;
import dk.tilsynsspor.core.order.query.WorkQueue.RequirementLine;
import dk.tilsynsspor.core.order.query.WorkQueue.StillPublished;
import dk.tilsynsspor.query.overview.OverviewReads;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What of one order waits for its authority, as the order's events up to {@code sequence} leave it. It holds on any
 * day but for which requirements are past their deadline: those are read against the day asked about
 * ({@link #overdueOn}). A notice waits as a notice only; a closed order only as still published (if it is); an order
 * between them with its report, its plans and requests not yet answered, its requirements' deadlines and its
 * skærpet tilsyn. A settled requirement (accepted or annulled) has nothing waiting.
 */
record OrderWaiting(long sequence, OrderLine order, NoticeToAnswer notice, ReportToDecide report,
                    List<PlanToReview> plans, List<ExtensionToAnswer> extensions, List<DeadlineWatch> deadlines,
                    EscalatedOrder escalated, StillPublished stillPublished) {

    OrderWaiting {
        plans = List.copyOf(plans);
        extensions = List.copyOf(extensions);
        deadlines = List.copyOf(deadlines);
    }

    /**
     * The deadline of a requirement its events have not decided whatever the deadline: overdue once the day is past
     * it, or from the start if the deadline was recorded as missed (the rule of {@code RequirementStatus.of}).
     */
    record DeadlineWatch(RequirementLine requirement, boolean missed) {

        boolean overdueOn(LocalDate day) {
            return missed || day.isAfter(requirement.deadline());
        }
    }

    /** What waits of the order whose dossier (folded up to its event {@code sequence}) this is. */
    static OrderWaiting of(ComplianceDossier dossier, long sequence) {
        OrderLine order = new OrderLine(dossier.orderId(), dossier.reference(), dossier.organisationId());
        List<PlanToReview> plans = new ArrayList<>();
        List<ExtensionToAnswer> extensions = new ArrayList<>();
        List<DeadlineWatch> deadlines = new ArrayList<>();
        if (dossier.status() == OrderStatus.NOTICE) {
            List<NoticeAnswer> answers = dossier.notice().answers();
            return new OrderWaiting(sequence, order, new NoticeToAnswer(order, dossier.notice().responseDue(),
                    answers.isEmpty() ? null : answers.get(answers.size() - 1).answeredAt()),
                    null, plans, extensions, deadlines, null, null);
        }
        if (dossier.status() == OrderStatus.CLOSED) {
            boolean published = dossier.publications().stream().anyMatch(Publication::active);
            return new OrderWaiting(sequence, order, null, null, plans, extensions, deadlines, null,
                    published ? new StillPublished(order,
                            dossier.closure() == null ? null : dossier.closure().closedAt()) : null);
        }
        for (RequirementDossier requirement : dossier.requirements()) {
            RequirementLine line = new RequirementLine(requirement.requirementId(), requirement.number(),
                    requirement.title(), requirement.deadline());
            if (!requirement.status().decidedWhateverTheDeadline()) {
                deadlines.add(new DeadlineWatch(line, requirement.deadlineMissed()));
            }
            if (requirement.status().settled()) { // nothing of theirs waits for the authority any more
                continue;
            }
            ActionPlanVersion plan = requirement.latestPlan();
            if (plan != null && plan.review() == null) {
                plans.add(new PlanToReview(order, line, plan.version(), plan.submittedAt()));
            }
            requirement.extensionRequests().stream()
                    .filter(request -> request.status() == ExtensionRequestStatus.OPEN)
                    .forEach(request -> extensions.add(new ExtensionToAnswer(order, line,
                            request.proposedDeadline(), request.requestedAt())));
        }
        ReportToDecide report = dossier.status() == OrderStatus.REPORT_SUBMITTED
                ? new ReportToDecide(order, dossier.complianceReport().submittedAt()) : null;
        EscalatedOrder escalated = dossier.escalated() ? new EscalatedOrder(order, dossier.escalationReason(),
                dossier.escalation() == null ? null : dossier.escalation().until()) : null;
        return new OrderWaiting(sequence, order, null, report, plans, extensions, deadlines, escalated, null);
    }

    /**
     * How many of the order's requirements are overdue on {@code day}, and how many are due soon then: not overdue,
     * their deadline {@value OverviewReads#DUE_SOON_DAYS} days away or fewer (the rule of
     * {@link OverviewReads#dueSoon}, for a requirement not decided whatever its deadline).
     */
    OrderDeadlines.Count deadlinesOn(LocalDate day) {
        int overdue = 0;
        int dueSoon = 0;
        for (DeadlineWatch watch : deadlines) {
            if (watch.overdueOn(day)) {
                overdue++;
            } else if (ChronoUnit.DAYS.between(day, watch.requirement().deadline()) <= OverviewReads.DUE_SOON_DAYS) {
                dueSoon++;
            }
        }
        return new OrderDeadlines.Count(order.orderId(), overdue, dueSoon);
    }

    /** The order's requirements overdue on {@code day}, each with its days left (negative) counted from it. */
    List<OverdueRequirement> overdueOn(LocalDate day) {
        return deadlines.stream().filter(watch -> watch.overdueOn(day))
                .map(watch -> new OverdueRequirement(order, watch.requirement(),
                        ChronoUnit.DAYS.between(day, watch.requirement().deadline())))
                .toList();
    }
}
