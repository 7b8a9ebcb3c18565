package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.GetWorkQueue;
import dk.tilsynsspor.core.order.query.WorkQueue;
import dk.tilsynsspor.core.order.query.WorkQueue.EscalatedOrder;
import dk.tilsynsspor.core.order.query.WorkQueue.ExtensionToAnswer;
import dk.tilsynsspor.core.order.query.WorkQueue.NoticeToAnswer;
import dk.tilsynsspor.core.order.query.WorkQueue.OverdueRequirement;
import dk.tilsynsspor.core.order.query.WorkQueue.PlanToReview;
import dk.tilsynsspor.core.order.query.WorkQueue.ReportToDecide;
import dk.tilsynsspor.core.order.query.WorkQueue.StillPublished;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.query.trail.TrailRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Answers {@link GetWorkQueue}: what waits for an inspector's authority, over its orders that are not closed or
 * lapsed and its closed orders still published, from each order's kept share ({@link KeptShares}). Which
 * requirements are overdue is read against the day of each view.
 */
@Component
class WorkQueueQueries {

    private final TrailRepository trails;
    private final KeptShares shares;
    private final Clock clock;

    WorkQueueQueries(TrailRepository trails, KeptShares shares, Clock clock) {
        this.trails = trails;
        this.shares = shares;
        this.clock = clock;
    }

    @QueryHandler
    WorkQueue handle(GetWorkQueue query) {
        LocalDate today = LocalDate.now(clock);
        if (query.requester().role() != Role.INSPECTOR) {
            return WorkQueue.empty(today);
        }
        List<NoticeToAnswer> notices = new ArrayList<>();
        List<ReportToDecide> reports = new ArrayList<>();
        List<PlanToReview> plans = new ArrayList<>();
        List<ExtensionToAnswer> extensions = new ArrayList<>();
        List<OverdueRequirement> overdue = new ArrayList<>();
        List<EscalatedOrder> escalated = new ArrayList<>();
        List<StillPublished> stillPublished = new ArrayList<>();
        for (OrderWaiting waiting : shares.of(trails.ordersWaitingOnAuthority(query.requester().scope())).values()) {
            addIfThere(notices, waiting.notice());
            addIfThere(reports, waiting.report());
            plans.addAll(waiting.plans());
            extensions.addAll(waiting.extensions());
            overdue.addAll(waiting.overdueOn(today));
            addIfThere(escalated, waiting.escalated());
            addIfThere(stillPublished, waiting.stillPublished());
        }
        notices.sort(Comparator.comparing(NoticeToAnswer::responseDue));
        reports.sort(Comparator.comparing(ReportToDecide::submittedAt));
        plans.sort(Comparator.comparing(PlanToReview::submittedAt));
        extensions.sort(Comparator.comparing(ExtensionToAnswer::requestedAt));
        overdue.sort(Comparator.comparing(item -> item.requirement().deadline()));
        return new WorkQueue(today, notices, reports, plans, extensions, overdue, escalated, stillPublished);
    }

    private static <T> void addIfThere(List<T> list, T item) {
        if (item != null) {
            list.add(item);
        }
    }
}
