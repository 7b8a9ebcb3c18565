package dk.tilsynsspor.command.eventstore;

import dk.tilsynsspor.platform.events.AxonServerCopies;
import io.axoniq.axonserver.grpc.event.Event;
import jakarta.annotation.PreDestroy;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * With Axon Server, the per-order hash chain (ADR 8) is kept on a mirror of Axon Server's events in PostgreSQL's
 * event table, where the {@link ChainSealer} links every event that names an order, as in the PostgreSQL mode (ADR 19,
 * ADR 28). This streaming processor copies each event as Axon Server stores it — its payload bytes, its metadata in
 * canonical form, Axon Server's global index — in Axon Server's order, its token committed in the same transaction as
 * the copy: an event cannot stay unlinked (the processor reaches it, and the sealer every copy) and no link exists
 * without its event (only stored events are copied). One segment: one instance writes at a time, so the chain's order
 * is Axon Server's. Verification recomputes the chain on the mirror and compares every linked event with Axon
 * Server's own copy. Each commit is told to the answers waiting for their events in this instance
 * ({@link MirrorProgress}) and wakes the sealer.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
@ProcessingGroup(ChainMirror.GROUP)
class ChainMirror {

    static final String GROUP = "order-chain-mirror";
    /** How long Axon Server's stream stays open for the cursor without an event asked of it. */
    static final Duration IDLE_STREAM = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ChainMirror.class);

    private final StoredEventCursor stored;
    private final JdbcTemplate jdbc;
    private final MirrorProgress progress;
    private final ChainSealer sealer;

    ChainMirror(AxonServerConnectionManager axonServer, JdbcTemplate jdbc, MirrorProgress progress,
                ChainSealer sealer) {
        this.stored = new StoredEventCursor(axonServer::getConnection);
        this.jdbc = jdbc;
        this.progress = progress;
        this.sealer = sealer;
    }

    @PreDestroy
    void close() {
        stored.close();
    }

    /**
     * Closes the cursor's stream when the mirror has not read from it for {@link #IDLE_STREAM}: in an instance whose
     * part of the mirror another instance took over, Axon Server would otherwise keep it filled with events that
     * nobody here takes. Quiet hours close it too; the next event opens it again.
     */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void closeIdleStream() {
        if (stored.closeIfIdle(IDLE_STREAM)) {
            log.debug("Closed Axon Server's event stream of the chain's mirror: no event read from it for {}",
                    IDLE_STREAM);
        }
    }

    @EventHandler(payloadType = Object.class)
    void on(DomainEventMessage<?> event, TrackingToken token) throws InterruptedException {
        long globalIndex = token.position().orElseThrow(() -> new IllegalStateException(
                "Axon Server's tokens carry their global index"));
        Event stored = this.stored.at(globalIndex, event.getAggregateIdentifier(), event.getSequenceNumber())
                .orElseThrow(() -> new IllegalStateException("Axon Server has no event "
                        + event.getAggregateIdentifier() + "#" + event.getSequenceNumber() + " it just streamed"));
        String revision = stored.getPayload().getRevision();
        // copied once: a row that is there already is never copied (nor linked) again
        jdbc.update("""
                INSERT INTO events.domain_event_entry (globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber,
                                                       type, timeStamp, payloadType, payloadRevision, payload, metaData)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                 WHERE NOT EXISTS (SELECT 1 FROM events.domain_event_entry WHERE eventIdentifier = ?)""",
                globalIndex, stored.getMessageIdentifier(), stored.getAggregateIdentifier(),
                stored.getAggregateSequenceNumber(), stored.getAggregateType(),
                DateTimeUtils.formatInstant(Instant.ofEpochMilli(stored.getTimestamp())),
                stored.getPayload().getType(), revision.isEmpty() ? null : revision,
                stored.getPayload().getData().toByteArray(), AxonServerCopies.metaData(stored.getMetaDataMap()),
                stored.getMessageIdentifier());
        progress.linkedOnCommit(event.getAggregateIdentifier(), event.getSequenceNumber());
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().afterCommit(committed -> sealer.wake()));
    }
}
