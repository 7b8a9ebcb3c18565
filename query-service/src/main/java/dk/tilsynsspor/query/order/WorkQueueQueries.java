package dk.tilsynsspor.query.order;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import dk.tilsynsspor.query.dossier.DossierFold;
import dk.tilsynsspor.query.dossier.EventReader;
import dk.tilsynsspor.query.trail.TrailEntry;
import dk.tilsynsspor.query.trail.TrailRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Answers {@link GetWorkQueue}: what waits for an inspector's authority, over its orders that are not closed or
 * lapsed and its closed orders still published. Each order's share ({@link OrderWaiting}) is read off a dossier
 * folded from the order's own events — everything the queue shows comes from them, nothing from the events of the
 * cases serving the order, so a forgotten citizen's texts never reach it — and kept until the order has an event
 * after the last one folded. A view asks the store for the latest sequence number of every order it lists, in one
 * statement, and folds again only the orders that changed: its cost follows the orders' changes, not all their
 * events (when each view folded every open order's whole trail, 402 orders with 4,200 events took 160–290 ms a view
 * and grew about 50 µs with every event). Which requirements are overdue is read against the day of each view.
 */
@Component
class WorkQueueQueries {

    /** Orders kept folded; beyond them, the least used are folded again at their next view. */
    static final int KEPT_ORDERS = 10_000;
    private final TrailRepository trails;
    private final EventReader reader;
    private final Clock clock;
    private final Cache<UUID, OrderWaiting> kept = Caffeine.newBuilder().maximumSize(KEPT_ORDERS).build();

    WorkQueueQueries(TrailRepository trails, EventReader reader, Clock clock) {
        this.trails = trails;
        this.reader = reader;
        this.clock = clock;
    }

    @QueryHandler
    WorkQueue handle(GetWorkQueue query) {
        LocalDate today = LocalDate.now(clock);
        if (query.requester().role() != Role.INSPECTOR) {
            return WorkQueue.empty(today);
        }
        List<UUID> orderIds = trails.ordersWaitingOnAuthority(query.requester().scope());
        Map<UUID, Long> latest = trails.latestSequences(orderIds);
        List<NoticeToAnswer> notices = new ArrayList<>();
        List<ReportToDecide> reports = new ArrayList<>();
        List<PlanToReview> plans = new ArrayList<>();
        List<ExtensionToAnswer> extensions = new ArrayList<>();
        List<OverdueRequirement> overdue = new ArrayList<>();
        List<EscalatedOrder> escalated = new ArrayList<>();
        List<StillPublished> stillPublished = new ArrayList<>();
        for (UUID orderId : orderIds) {
            Long sequence = latest.get(orderId);
            if (sequence == null) {
                continue; // no event of it in the store yet (Axon Server's copy behind): nothing to read
            }
            OrderWaiting waiting = kept.getIfPresent(orderId);
            if (waiting == null || waiting.sequence() != sequence) {
                waiting = folded(orderId, today);
                if (waiting == null) {
                    continue;
                }
                kept.put(orderId, waiting);
            }
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

    /** What waits of the order, from its own events as they are now (null if none of them starts an order). */
    private OrderWaiting folded(UUID orderId, LocalDate today) {
        List<TrailEntry> events = trails.orderEvents(orderId);
        long sequence = events.stream().mapToLong(TrailEntry::aggregateSequence).max().orElse(-1);
        return DossierFold.fold(events, reader, today, null).map(dossier -> OrderWaiting.of(dossier, sequence))
                .orElse(null);
    }

    private static <T> void addIfThere(List<T> list, T item) {
        if (item != null) {
            list.add(item);
        }
    }
}
