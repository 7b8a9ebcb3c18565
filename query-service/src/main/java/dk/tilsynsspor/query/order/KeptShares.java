package dk.tilsynsspor.query.order;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.tilsynsspor.query.dossier.DossierFold;
import dk.tilsynsspor.query.dossier.EventReader;
import dk.tilsynsspor.query.trail.TrailEntry;
import dk.tilsynsspor.query.trail.TrailRepository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each order's share of what waits ({@link OrderWaiting}), read off a dossier folded from the order's own events —
 * what waits comes from them, nothing from the events of the cases serving the order, so a forgotten citizen's texts
 * never reach it — and kept until the order has an event after the last one folded (ADR 27). Asked for some orders,
 * it reads the latest sequence number of each from the store in one statement and folds again only those that
 * changed: the cost follows the orders' changes, not all their events.
 */
@Component
class KeptShares {

    /** Orders kept folded; beyond them, the least used are folded again at their next reading. */
    static final int KEPT_ORDERS = 10_000;

    private final TrailRepository trails;
    private final EventReader reader;
    private final Clock clock;
    private final Cache<UUID, OrderWaiting> kept = Caffeine.newBuilder().maximumSize(KEPT_ORDERS).build();

    KeptShares(TrailRepository trails, EventReader reader, Clock clock) {
        this.trails = trails;
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * The shares of the orders, in their order; an order with no event in the store yet (Axon Server's copy behind),
     * or none that starts an order, is left out.
     */
    Map<UUID, OrderWaiting> of(Collection<UUID> orderIds) {
        Map<UUID, Long> latest = trails.latestSequences(orderIds);
        Map<UUID, OrderWaiting> shares = new LinkedHashMap<>();
        for (UUID orderId : orderIds) {
            Long sequence = latest.get(orderId);
            if (sequence == null) {
                continue;
            }
            OrderWaiting share = kept.getIfPresent(orderId);
            if (share == null || share.sequence() != sequence) {
                share = folded(orderId);
                if (share == null) {
                    continue;
                }
                kept.put(orderId, share);
            }
            shares.put(orderId, share);
        }
        return shares;
    }

    /** What waits of the order, from its own events as they are now (null if none of them starts an order). */
    private OrderWaiting folded(UUID orderId) {
        List<TrailEntry> events = trails.orderEvents(orderId);
        long sequence = events.stream().mapToLong(TrailEntry::aggregateSequence).max().orElse(-1);
        // any day: the share holds on every day (what is overdue is read against the day it is asked about)
        return DossierFold.fold(events, reader, LocalDate.now(clock), null)
                .map(dossier -> OrderWaiting.of(dossier, sequence)).orElse(null);
    }
}
