package dk.tilsynsspor.command.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Health of the orders' hash chains (ADR 28): DOWN once the same stored event has been seen waiting to be sealed, at
 * checks at least {@code tilsynsspor.chain.stalled-after} (1 minute) apart. Sealing links events within moments of
 * their commit, so an event that waits that long is held back: by a transaction still open somewhere in the database
 * (sealing waits for every transaction older than the event's own to end; its backend's pid is in the details and
 * in a warning logged once per event held up, for {@code pg_terminate_backend}), or because sealing fails. Nothing
 * is lost either way, and the inspector's verification says how many events wait; but until they are sealed the
 * chain cannot vouch for them.
 *
 * <p>The check also runs every {@code tilsynsspor.chain.watch-every} (30 s) by itself, so that a stall is noticed,
 * and its warning logged, in a system whose health nobody polls; a poller's checks come in between.
 *
 * <p>The rule is "the first event past the sealer's mark has not changed" rather than "an event is old": events
 * copied late (the Axon Server mode's mirror catching up) are old when they arrive and are sealed at once. The
 * description names counts and times only; which transaction and why are in the details and the log.
 */
@Component("hashChain")
class ChainSealingHealth implements HealthIndicator {

    /** Waiting events are counted up to this many, so that a check stays cheap however far sealing is behind. */
    static final int COUNTED = 100_000;
    private static final Logger log = LoggerFactory.getLogger(ChainSealingHealth.class);
    /**
     * An event past the sealer's mark, as {@code events.seal_order_chains} finds them; the mark given as values
     * (transaction, global index), not joined, so that the planner finds the few rows past it by the index.
     */
    private static final String PAST_THE_MARK = "d.chainOrderId IS NOT NULL AND d.appendTx IS NOT NULL"
            + " AND (d.appendTx, d.globalIndex) > (?::xid8, ?)";

    private final JdbcTemplate jdbc;
    private final ChainSealer sealer;
    private final long stalledAfterNanos;
    private final AtomicReference<Sighting> oldestSeen = new AtomicReference<>();
    private final AtomicLong reported = new AtomicLong(-1); // the event last logged as held up

    ChainSealingHealth(DataSource dataSource, ChainSealer sealer,
                       @Value("${tilsynsspor.chain.stalled-after:1m}") Duration stalledAfter) {
        if (Objects.requireNonNull(stalledAfter, "tilsynsspor.chain.stalled-after").isNegative()) {
            throw new IllegalArgumentException("tilsynsspor.chain.stalled-after must not be negative: " + stalledAfter);
        }
        this.jdbc = new JdbcTemplate(dataSource);
        this.sealer = sealer;
        this.stalledAfterNanos = stalledAfter.toNanos();
    }

    /** The first event past the sealer's mark, and when this instance first saw it first. */
    private record Sighting(long globalIndex, long seenAt) {
    }

    @Override
    public Health health() {
        Map<String, Object> mark = jdbc.queryForMap(
                "SELECT append_tx::text AS append_tx, global_index FROM events.chain_sealed");
        Health.Builder health = Health.up().withDetail("sealedUpToGlobalIndex", mark.get("global_index"))
                .withDetail("linkedByThisInstance", sealer.sealed());
        sealer.failure().ifPresent(failure -> health.withDetail("sealingFails", failure));
        List<Map<String, Object>> oldest = jdbc.queryForList("SELECT d.globalIndex, d.timeStamp,"
                + " d.appendTx < pg_snapshot_xmin(pg_current_snapshot()) AS due FROM events.domain_event_entry d"
                + " WHERE " + PAST_THE_MARK + " ORDER BY d.appendTx, d.globalIndex LIMIT 1",
                mark.get("append_tx"), mark.get("global_index"));
        if (oldest.isEmpty()) {
            oldestSeen.set(null);
            return health.withDetail("waiting", 0).build();
        }
        long globalIndex = ((Number) oldest.get(0).get("globalIndex")).longValue();
        long now = System.nanoTime();
        Sighting seen = oldestSeen.updateAndGet(before -> before != null && before.globalIndex() == globalIndex
                ? before : new Sighting(globalIndex, now));
        Duration unchanged = Duration.ofNanos(now - seen.seenAt());
        long waiting = jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM events.domain_event_entry d WHERE "
                + PAST_THE_MARK + " LIMIT ?) AS w", Long.class, mark.get("append_tx"), mark.get("global_index"),
                COUNTED);
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("globalIndex", globalIndex);
        first.put("storedAt", oldest.get(0).get("timeStamp"));
        first.put("seenWaitingForSeconds", unchanged.toSeconds());
        health.withDetail("waiting", waiting).withDetail("oldestWaiting", first);
        if (now - seen.seenAt() < stalledAfterNanos) {
            return health.build();
        }
        String cause;
        Optional<Map<String, Object>> holder = Optional.empty();
        if (Boolean.TRUE.equals(oldest.get(0).get("due"))) {
            cause = sealer.failure().isPresent() ? "sealing fails (see the log)"
                    : "sealing has not come to them (is the sealer running?)";
        } else {
            cause = "a transaction still open in the database holds sealing back";
            holder = holder();
            holder.ifPresent(backend -> health.withDetail("heldBackBy", backend));
        }
        String description = (waiting >= COUNTED ? "at least " : "") + waiting
                + " event(s) wait to be sealed into their orders' hash chains, the first unchanged for "
                + unchanged.toSeconds() + " s: " + cause + "; nothing is lost, they are sealed once it is over";
        if (reported.getAndSet(globalIndex) != globalIndex) { // once per event held up, for the operator
            log.warn("{} (global index {}{})", description, globalIndex, holder
                    .map(backend -> "; the oldest transaction still running is PostgreSQL backend pid "
                            + backend.get("pid") + " of user " + backend.get("user") + ", application '"
                            + backend.get("application") + "': pg_terminate_backend(pid) ends it").orElse(""));
        }
        return health.status(new Status(Status.DOWN.getCode(), description)).build();
    }

    /**
     * The check on its own, between any poller's: a stall is then seen within this interval of its start and logged
     * once, whether or not anything asks for health. A database out of reach is health's and the requests' to tell.
     */
    @Scheduled(fixedDelayString = "${tilsynsspor.chain.watch-every:PT30S}",
            initialDelayString = "${tilsynsspor.chain.watch-every:PT30S}")
    void watch() {
        try {
            health();
        } catch (DataAccessException e) {
            log.debug("The hash chain's watch could not check the sealing: {}", e.toString());
        }
    }

    /** The backend whose transaction is the oldest still running: the one every later event waits for. */
    private Optional<Map<String, Object>> holder() {
        return jdbc.queryForList("""
                SELECT pid, usename AS "user", application_name AS application
                  FROM pg_stat_activity WHERE backend_xid IS NOT NULL
                 ORDER BY age(backend_xid) DESC LIMIT 1""").stream().findFirst();
    }
}
