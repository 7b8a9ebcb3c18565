package dk.tilsynsspor.command.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits, before a command is answered, until its aggregate's events are linked into their order's hash chain. With
 * PostgreSQL the trigger links them in the appending transaction, so there is nothing to wait for; with Axon Server
 * the {@link ChainMirror} links them moments after the append, and the answer waits for it (at most
 * {@code tilsynsspor.chain.link-wait}, then it is answered anyway and the delay logged: the event is stored and will be
 * linked when the mirror reaches it).
 */
@Component
public class ChainLinks {

    private static final Logger log = LoggerFactory.getLogger(ChainLinks.class);
    private static final Duration POLL = Duration.ofMillis(5);

    private final boolean onAxonServer;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Duration wait;
    private final RoutingStrategy aggregates = AnnotationRoutingStrategy.defaultStrategy();

    ChainLinks(@Value("${axon.axonserver.enabled:false}") boolean onAxonServer, EventStore eventStore,
               JdbcTemplate jdbc, @Value("${tilsynsspor.chain.link-wait:PT10S}") Duration wait) {
        this.onAxonServer = onAxonServer;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.wait = wait;
    }

    /**
     * Returns once every event stored so far for the aggregate the command was addressed to (its
     * {@code @TargetAggregateIdentifier}) is linked; at once with PostgreSQL.
     */
    public void awaitLinked(CommandMessage<?> command) {
        if (!onAxonServer) {
            return;
        }
        String aggregateId;
        try {
            aggregateId = aggregates.getRoutingKey(command);
        } catch (RuntimeException noTarget) {
            return; // every command names its aggregate; were one not to, its answer would not wait
        }
        Optional<Long> stored = eventStore.lastSequenceNumberFor(aggregateId);
        if (stored.isEmpty()) {
            return;
        }
        Instant deadline = Instant.now().plus(wait);
        while (!linkedUpTo(aggregateId, stored.get())) {
            if (Instant.now().isAfter(deadline)) {
                log.warn("Events of {} up to #{} are not linked into their order's chain after {}: answering; the "
                        + "chain's mirror will link them when it reaches them", aggregateId, stored.get(), wait);
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean linkedUpTo(String aggregateId, long sequence) {
        Long mirrored = jdbc.queryForObject("SELECT max(sequenceNumber) FROM events.domain_event_entry"
                + " WHERE aggregateIdentifier = ?", Long.class, aggregateId);
        return mirrored != null && mirrored >= sequence;
    }
}
