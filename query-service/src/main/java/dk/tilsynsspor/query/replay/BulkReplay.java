package dk.tilsynsspor.query.replay;

import dk.tilsynsspor.query.eventstore.TokenPositions;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.GenericResultMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One processor's rebuild, done on one thread in batches of thousands of events instead of through the pooled
 * processor's coordinator (ADR 22). Axon's coordinator hands each part of a processor at most 1,024 events and then
 * waits 100 ms, and checks the length of every part's queue (a walk of up to 1,024 entries) before each event: a
 * rebuild through it is capped at about 10,000 events/s whatever the machine. Here the same handlers run through the
 * same invoker (with its dead-letter queue), interceptors, transaction manager and rollback rules, and each batch
 * commits with every part's token, exactly as the processor would store them: advanced over the batch, replay tokens
 * until the point of the reset. The processor itself is started as usual, but finds its parts claimed by this
 * rebuild (under an owner of its own) until the rebuild has caught up with the store and releases them; then it
 * carries on from the stored tokens. Should a batch fail twice, or this instance stop, the rebuild stops where its
 * last batch committed and the processor carries on from there with its own error handling. The batches come from a
 * {@link SharedRead}, one read of the store for every read model being rebuilt, until a batch fails: then this
 * rebuild reads on by itself.
 */
final class BulkReplay {

    private static final Logger log = LoggerFactory.getLogger(BulkReplay.class);
    /**
     * What each event's handling answers in a batch's unit of work. An event handler answers nothing, and the unit of
     * work wraps any answer that is not already a result message in a new one, whose identifier is a random UUID
     * drawn from {@code SecureRandom}: one draw per event handled in a rebuild (about 2.5 % of a rebuild thread's
     * samples) for an answer nobody reads. Only a failure is read, and the unit of work makes that result itself.
     */
    private static final ResultMessage<Void> HANDLED = GenericResultMessage.asResultMessage((Object) null);

    private final String name;
    private final PooledStreamingEventProcessor processor;
    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final RollbackConfiguration rollback;
    private final int batchSize;
    private long replayed; // events read by the rebuild's thread, in committed batches
    private volatile boolean holding; // whether the rebuild holds the processor's parts
    private volatile boolean stopping; // the service is shutting down: stop after the batch in hand
    private volatile long position = -1; // the global index every part has handled, as of the last commit
    private TrackingToken start; // where the claimed parts' reading starts
    private final Map<MessageKind, Boolean> handledKinds = new HashMap<>(); // read on the rebuild's thread only

    /** What the invoker's answer for an event depends on: its payload's type and its message's. */
    private record MessageKind(Class<?> payloadType, Class<?> messageType) {
    }

    BulkReplay(String name, PooledStreamingEventProcessor processor,
               StreamableMessageSource<TrackedEventMessage<?>> source, TokenStore tokens,
               TransactionManager transactions, RollbackConfiguration rollback, int batchSize) {
        this.name = name;
        this.processor = processor;
        this.source = source;
        this.tokens = tokens;
        this.transactions = transactions;
        this.rollback = rollback;
        this.batchSize = batchSize;
    }

    /** The processor's parts as the rebuild holds them: their ids, their segments and their tokens. */
    private static final class Parts {
        final int[] ids;
        final Segment[] segments;
        final TrackingToken[] positions;

        Parts(int[] ids, TrackingToken[] positions) {
            this.ids = ids;
            this.segments = Arrays.stream(ids).mapToObj(id -> Segment.computeSegment(id, ids)).toArray(Segment[]::new);
            this.positions = positions;
        }

        /** Where reading must start so that no part misses an event: the lowest of their positions. */
        TrackingToken start() {
            return earliest(Arrays.stream(positions).map(WrappedToken::unwrapLowerBound).toList());
        }

        /** The global index every part has handled: where {@link #start()} stands; -1 before any event. */
        long position() {
            return ids.length == 0 ? -1 : TokenPositions.of(start());
        }
    }

    /** The lowest of the positions; null (the beginning of the store) if any is null, or if there are none. */
    static TrackingToken earliest(List<TrackingToken> positions) {
        if (positions.isEmpty()) {
            return null;
        }
        TrackingToken earliest = positions.get(0);
        for (TrackingToken position : positions) {
            if (earliest == null || position == null) {
                return null;
            }
            earliest = earliest.lowerBound(position);
        }
        return earliest;
    }

    /**
     * Claims every part of the processor for the rebuild: call it after the reset, before the processor starts. The
     * parts the reset claimed for the processor's own owner are handed over in the same transaction.
     *
     * @param processorTokens the processor's own token store, whose claims the reset took
     * @param feed            the batches of a read shared with other rebuilds, from no later than {@link #start()};
     *                        left, and the store read alone, should a batch fail
     */
    Runnable claim(TokenStore processorTokens, SharedRead.Feed feed) {
        Objects.requireNonNull(feed, "feed");
        Parts parts = transactions.fetchInTransaction(() -> {
            int[] ids = tokens.fetchSegments(name);
            TrackingToken[] positions = new TrackingToken[ids.length];
            for (int i = 0; i < ids.length; i++) {
                processorTokens.releaseClaim(name, ids[i]);
                positions[i] = tokens.fetchToken(name, ids[i]);
            }
            return new Parts(ids, positions);
        });
        position = parts.position();
        holding = parts.ids.length > 0;
        start = parts.start();
        return () -> run(parts, feed);
    }

    /**
     * Whether the rebuild's thread holds the processor's parts: from the claim (unless the store had none yet) until
     * it hands them back.
     */
    boolean holding() {
        return holding;
    }

    /** After {@link #claim}: where reading must start so that no part misses an event; null: at the beginning. */
    TrackingToken start() {
        return start;
    }

    private void run(Parts parts, SharedRead.Feed feed) {
        if (parts.ids.length == 0) { // a store no processor has read yet: the processor makes its parts as it starts
            feed.leave();
            log.info("Rebuilding read model {}: it has no parts yet; its processor reads the store from the start",
                    name);
            return;
        }
        long started = System.nanoTime();
        ThreadCpu cpu = ThreadCpu.start();
        long replayedAtFailure = -1;
        SharedRead.Feed shared = feed;
        try {
            while (true) {
                try {
                    if (shared != null) {
                        replay(shared::next, parts);
                    } else {
                        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(parts.start())) {
                            replay(() -> nextBatch(stream, batchSize), parts);
                        }
                    }
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    if (shared != null) { // this read model now reads on by itself, from its parts' tokens
                        shared.leave();
                        shared = null;
                    }
                    boolean sameBatchAgain = replayed == replayedAtFailure;
                    replayedAtFailure = replayed;
                    if (sameBatchAgain) {
                        log.warn("Rebuilding read model {}: a batch failed again ({}); the processor carries on from"
                                + " the last batch that committed", name, e.toString());
                        return;
                    }
                    // as in the processor: the batch is read again, and its writes now go one at a time, so that an
                    // event that cannot be projected is set aside alone
                    log.warn("Rebuilding read model {}: a batch failed ({}); reading it again", name, e.toString());
                }
            }
            if (stopping) {
                log.info("Rebuilding read model {}: stopped with the service after {} events; its processor carries on"
                        + " from there when the service starts again", name, replayed);
            } else {
                log.info("Rebuilding read model {}: {} events in {} s ({} of its thread's CPU), in batches of {}; the"
                        + " processor carries on", name, replayed,
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), cpu.used(), batchSize);
            }
        } finally {
            if (shared != null) {
                shared.leave();
            }
            release(parts);
            holding = false;
            if (!stopping) { // at once, not at the processor's next periodic look for unclaimed parts (seconds of lag)
                Arrays.stream(parts.ids).forEach(processor::claimSegment);
            }
        }
    }

    /**
     * Stops the rebuild after the batch in hand, for the service's shutdown: its thread then releases the parts (a
     * restart must not find them claimed by an owner that is gone), and the processor carries on from the last
     * committed batch when the service starts again.
     */
    void stop() {
        stopping = true;
    }

    /** Where a rebuild's batches come from: its own read of the store, or a {@link SharedRead}. */
    interface Batches {
        /** The next batch, or an empty list once the store has nothing more. */
        List<TrackedEventMessage<?>> next() throws Exception;
    }

    /** The next batch of at most {@code size} events; empty once the stream has had nothing for 500 ms. */
    static List<TrackedEventMessage<?>> nextBatch(BlockingStream<TrackedEventMessage<?>> stream, int size)
            throws InterruptedException {
        List<TrackedEventMessage<?>> batch = new ArrayList<>(size);
        if (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
            while (batch.size() < size && stream.hasNextAvailable()) {
                batch.add(stream.nextAvailable());
            }
        }
        return batch;
    }

    /** Replays batches until the store has no more events (the rebuild's progress log reads {@link #position}). */
    private void replay(Batches batches, Parts parts) throws Exception {
        List<TrackedEventMessage<?>> batch;
        while (!stopping && !(batch = batches.next()).isEmpty()) {
            process(batch, parts);
            replayed += batch.size();
        }
    }

    /**
     * One batch in one transaction: each event goes, with the token its part has after it, to every part whose
     * token does not already cover it (the invoker handles it in the part its sequence belongs to), and the parts'
     * tokens are stored before the commit. On a rollback the parts keep the tokens of the last commit.
     */
    private void process(List<TrackedEventMessage<?>> batch, Parts parts) throws Exception {
        TrackingToken[] advanced = parts.positions.clone();
        List<EventMessage<?>> messages = new ArrayList<>();
        Map<EventMessage<?>, Segment> segmentOf = new IdentityHashMap<>();
        EventHandlerInvoker invoker = processor.eventHandlerInvoker();
        for (TrackedEventMessage<?> event : batch) {
            boolean handled = handles(invoker, event); // by its type, before any part
            for (int i = 0; i < advanced.length; i++) {
                if (advanced[i] != null && advanced[i].covers(event.trackingToken())) {
                    continue;
                }
                advanced[i] = WrappedToken.advance(advanced[i], event.trackingToken());
                if (!handled) {
                    continue;
                }
                TrackedEventMessage<?> message = withToken(event, advanced[i]);
                // the whole store in one part: what the invoker said for the event, asked again, would be the same
                if (parts.segments[i].equals(Segment.ROOT_SEGMENT) || invoker.canHandle(message, parts.segments[i])) {
                    messages.add(message);
                    segmentOf.put(message, parts.segments[i]);
                }
            }
        }
        if (messages.isEmpty()) { // no part handles any of these events: only the tokens move
            transactions.executeInTransaction(() -> storeTokens(advanced, parts));
        } else {
            handle(messages, segmentOf, invoker, () -> storeTokens(advanced, parts));
        }
        System.arraycopy(advanced, 0, parts.positions, 0, advanced.length);
        position = parts.position();
    }

    /**
     * Whether the invoker handles the event in some part: asked once per payload type and kind of message (what
     * Axon's answer depends on for a handler taking the payload, its message, its token or its time), not per event;
     * asking walked every handler of the read model for every event, a sixth of a rebuild thread's time.
     */
    private boolean handles(EventHandlerInvoker invoker, TrackedEventMessage<?> event) {
        return handledKinds.computeIfAbsent(new MessageKind(event.getPayloadType(), event.getClass()),
                kind -> invoker.canHandle(event, Segment.ROOT_SEGMENT));
    }

    /**
     * The event with its part's token. Axon's own {@code withTrackingToken} reads the event's time for the copy,
     * which parses the stored text for every event a rebuild hands to a handler; this copy asks for it only when a
     * handler does, and the event parses it at most once for all its copies.
     */
    static TrackedEventMessage<?> withToken(TrackedEventMessage<?> event, TrackingToken token) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return new GenericTrackedDomainEventMessage<>(token, domainEvent.getType(),
                    domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(), domainEvent,
                    domainEvent::getTimestamp);
        }
        return event.withTrackingToken(token);
    }

    /** The global index every part has handled as of the last committed batch; -1 before any. */
    long position() {
        return position;
    }

    private void handle(List<EventMessage<?>> messages, Map<EventMessage<?>, Segment> segmentOf,
                        EventHandlerInvoker invoker, Runnable beforeCommit) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.onPrepareCommit(u -> beforeCommit.run());
        List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors = processor.getHandlerInterceptors();
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            Segment segment = segmentOf.get(unitOfWork.getMessage());
            new DefaultInterceptorChain<>(unitOfWork, interceptors, message -> {
                invoker.handle(message, segment);
                return null;
            }).proceed();
            return HANDLED;
        }, rollback);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof Exception e ? e : new IllegalStateException(failure);
        }
    }

    private void storeTokens(TrackingToken[] advanced, Parts parts) {
        for (int i = 0; i < advanced.length; i++) {
            tokens.storeToken(advanced[i], name, parts.ids[i]);
        }
    }

    private void release(Parts parts) {
        try {
            transactions.executeInTransaction(() -> Arrays.stream(parts.ids).forEach(id -> tokens.releaseClaim(name,
                    id)));
        } catch (RuntimeException e) {
            log.warn("Rebuilding read model {}: could not release the claims ({}); the processor takes its parts"
                    + " over once they time out", name, e.toString());
        }
    }
}
