package dk.tilsynsspor.command.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Waits, before a command is answered, until its aggregate's events are in the table the order's hash chain is sealed
 * over (ADR 19, ADR 28). With PostgreSQL they are stored there by the append itself, so there is nothing to wait for;
 * with Axon Server the {@link ChainMirror} copies them there moments after the append, and the answer waits for it (at
 * most {@code tilsynsspor.chain.link-wait}, then it is answered anyway and the delay logged: the event is stored and
 * will be copied when the mirror reaches it). In both modes the {@link ChainSealer} links them moments later.
 *
 * <p>What is waited for is the last sequence number the answer carries ({@link AnsweredSequences}), or, for an answer
 * that appended nothing, the aggregate's last one in Axon Server. When the mirror runs in this instance,
 * the answer is released by its commit ({@link MirrorProgress}), and the mirror's table is read only every
 * {@value #LOCAL_CHECK_MILLIS} ms in case its claim moved; otherwise that table is read every {@value #POLL_MILLIS} ms.
 */
@Component
public class ChainLinks {

    private static final Logger log = LoggerFactory.getLogger(ChainLinks.class);
    static final long POLL_MILLIS = 5;
    static final long LOCAL_CHECK_MILLIS = 50;
    private static final Duration POLL = Duration.ofMillis(POLL_MILLIS);
    private static final Duration LOCAL_CHECK = Duration.ofMillis(LOCAL_CHECK_MILLIS);

    private final boolean onAxonServer;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final MirrorProgress mirror;
    private final Duration wait;

    ChainLinks(@Value("${axon.axonserver.enabled:false}") boolean onAxonServer, EventStore eventStore,
               JdbcTemplate jdbc, MirrorProgress mirror, @Value("${tilsynsspor.chain.link-wait:PT10S}") Duration wait) {
        this.onAxonServer = onAxonServer;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.mirror = mirror;
        this.wait = wait;
    }

    /**
     * Returns once every event stored so far for the aggregate the command was addressed to (its
     * {@code @TargetAggregateIdentifier}) is linked, as far as its answer tells ({@link AnsweredSequences}; an answer
     * that does not tell waits for the aggregate's last event in Axon Server); at once with PostgreSQL.
     */
    public void awaitLinked(CommandMessage<?> command, CommandResultMessage<?> answer) {
        if (!onAxonServer) {
            return;
        }
        Optional<String> aggregateId = AnsweredSequences.target(command);
        if (aggregateId.isEmpty()) {
            return; // every command names its aggregate; were one not to, its answer would not wait
        }
        Optional<Long> stored = AnsweredSequences.lastSequence(answer)
                .or(() -> eventStore.lastSequenceNumberFor(aggregateId.get()));
        if (stored.isPresent()) {
            try {
                await(aggregateId.get(), stored.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void await(String aggregateId, long sequence) throws InterruptedException {
        long start = System.nanoTime();
        long lastRead = start; // the mirror here, if it runs here, tells first
        while (true) {
            long seen = mirror.version();
            if (mirror.linked(aggregateId, sequence)) {
                return;
            }
            boolean here = mirror.activeHere();
            long now = System.nanoTime();
            if (!here || now - lastRead >= LOCAL_CHECK.toNanos()) {
                if (linkedUpTo(aggregateId, sequence)) {
                    return;
                }
                lastRead = now;
            }
            if (now - start > wait.toNanos()) {
                log.warn("Events of {} up to #{} are not linked into their order's chain after {}: answering; the "
                        + "chain's mirror will link them when it reaches them", aggregateId, sequence, wait);
                return;
            }
            mirror.awaitAfter(seen, here ? LOCAL_CHECK : POLL);
        }
    }

    private boolean linkedUpTo(String aggregateId, long sequence) {
        Long mirrored = jdbc.queryForObject("SELECT max(sequenceNumber) FROM events.domain_event_entry"
                + " WHERE aggregateIdentifier = ?", Long.class, aggregateId);
        return mirrored != null && mirrored >= sequence;
    }
}
