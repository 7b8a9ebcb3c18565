package dk.tilsynsspor.query.replay;

import dk.tilsynsspor.query.eventstore.EventSourceConfiguration.ProcessingProperties;
import dk.tilsynsspor.query.eventstore.NotifiedEventSource;
import dk.tilsynsspor.query.eventstore.ProjectionTransactions;
import dk.tilsynsspor.query.eventstore.TokenPositions;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds every read model from the events when query-service starts with
 * {@code --tilsynsspor.rebuild-read-models=true}: each processor's tokens are reset (its reset handler empties its
 * tables) in the start-up phase just before the processors start, and its progress is logged until it has caught
 * up with the event store. Or in the running service ({@link #rebuildNow()}, the actuator endpoint
 * {@code rebuild}): each processor is shut down (its batch in hand committed, its parts released), then reset and
 * claimed for the rebuild in the same way, and started again.
 *
 * <p>At a start the processors are reset before they first start. Axon's tracking processor (Axon's stock settings,
 * profile {@code axon-defaults}) has a race when it is stopped, reset and started again: stopped while it hands its
 * only thread to a segment, it never claims a segment again. The rebuild in the running service stops, resets and
 * starts pooled streaming processors, which every read model uses otherwise.
 *
 * <p>A pooled streaming processor's replay is done by a {@link BulkReplay} (ADR 22): its parts are claimed for the
 * rebuild right after the reset, before the processor starts, and handed to it once the rebuild has caught up.
 */
@Component
class ReadModelRebuild implements ConfigurerModule {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final int BEFORE_PROCESSORS_START = Phase.INBOUND_EVENT_CONNECTORS - 1;
    /** Shutdown runs from the highest phase down: this is before the processors stop. */
    private static final int BEFORE_PROCESSORS_STOP = Phase.INBOUND_EVENT_CONNECTORS + 1;
    /** How long a shutdown waits for a rebuild's batch in hand, and a reset for parts still claimed. */
    private static final Duration STOPPING = Duration.ofSeconds(10);
    private static final Duration CLAIMED = Duration.ofSeconds(30);

    private final boolean requested;
    private final ObjectProvider<NotifiedEventSource> notifiedSource;
    private final ConnectionProvider connections;
    private final Serializer serializer;
    private final TokenSchema tokenSchema;
    private final JdbcTemplate jdbc;
    private final int batchSize;
    private final RebuildProgress progress;
    private volatile Configuration configuration; // once Axon is configured
    private final AtomicBoolean underWay = new AtomicBoolean();
    /** The rebuilds begun and their threads: stopped when the service shuts down, so that they release their parts. */
    private final List<BulkReplay> bulkReplays = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    ReadModelRebuild(@Value("${tilsynsspor.rebuild-read-models:false}") boolean requested,
                     ObjectProvider<NotifiedEventSource> notifiedSource, ConnectionProvider connections,
                     Serializer serializer, TokenSchema tokenSchema, JdbcTemplate jdbc,
                     ProcessingProperties processing, RebuildProgress progress) {
        this.requested = requested;
        this.notifiedSource = notifiedSource;
        this.connections = connections;
        this.serializer = serializer;
        this.tokenSchema = tokenSchema;
        this.jdbc = jdbc;
        this.batchSize = processing.rebuildBatchSize();
        this.progress = progress;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.onInitialize(config -> {
            configuration = config;
            config.onShutdown(BEFORE_PROCESSORS_STOP, this::stopRebuilds);
            if (requested) {
                config.onStart(BEFORE_PROCESSORS_START, () -> {
                    underWay.set(true);
                    rebuild(config);
                });
            }
        });
    }

    /**
     * Rebuilds every read model in the running service: each streaming processor is shut down, then reset and
     * rebuilt as at start-up, and started again; returns once the rebuild's threads have begun (its progress is
     * logged, and shown by health, until it is done). Pages answer meanwhile, from read models still being filled.
     * Another instance of query-service must not run its processors meanwhile: the reset needs every part.
     *
     * @return false, and nothing done, while a rebuild is under way
     * @throws IllegalStateException before the service has started; where a read model has Axon's tracking
     *                               processor (profile {@code axon-defaults}), nothing done; when the reset fails
     *                               (the processors are started again from their tokens as they were)
     */
    synchronized boolean rebuildNow() {
        Configuration config = configuration;
        if (config == null) {
            throw new IllegalStateException("the read models can be rebuilt once query-service has started");
        }
        List<String> tracking = streamingProcessors(config).entrySet().stream()
                .filter(processor -> !(processor.getValue() instanceof PooledStreamingEventProcessor))
                .map(Map.Entry::getKey).toList();
        if (!tracking.isEmpty()) { // the tracking processor's race (class doc): a restart rebuilds them safely
            throw new IllegalStateException("Read models " + tracking + " are read by Axon's tracking processor,"
                    + " which is not stopped and started again in a running service; restart query-service with"
                    + " --tilsynsspor.rebuild-read-models=true instead");
        }
        if (!underWay.compareAndSet(false, true)) {
            return false;
        }
        List<StreamingEventProcessor> stopped = new ArrayList<>();
        try {
            streamingProcessors(config).forEach((name, processor) -> {
                log.info("Rebuilding read model {}: stopping its processor", name);
                processor.shutDown();
                stopped.add(processor);
            });
            rebuild(config);
            return true;
        } catch (RuntimeException e) {
            underWay.set(false);
            throw e;
        } finally {
            stopped.forEach(StreamingEventProcessor::start);
        }
    }

    /** Whether a rebuild is under way: from its start until every read model has caught up with the store. */
    boolean underWay() {
        return underWay.get();
    }

    private void rebuild(Configuration config) {
        bulkReplays.removeIf(bulk -> !bulk.holding()); // those of an earlier rebuild, done
        threads.removeIf(thread -> !thread.isAlive());
        SharedRead shared = new SharedRead(source(config), batchSize);
        Map<String, Runnable> replays = new LinkedHashMap<>();
        List<BulkReplay> holding = new ArrayList<>();
        Map<String, StreamingEventProcessor> processors = streamingProcessors(config);
        AtomicInteger rebuilding = new AtomicInteger(processors.size());
        if (processors.isEmpty()) {
            underWay.set(false);
        }
        processors.forEach((name, streaming) -> {
            log.info("Rebuilding read model {}", name);
            reset(name, streaming);
            TokenStore processorTokens = config.eventProcessingConfiguration().tokenStore(name);
            if (batchSize > 0 && streaming instanceof PooledStreamingEventProcessor pooled
                    && processorTokens instanceof JdbcTokenStore) {
                BulkReplay bulk = bulkReplay(name, pooled, config);
                bulkReplays.add(bulk);
                replays.put(name, bulk.claim(processorTokens, shared.feed()));
                if (bulk.holding()) {
                    holding.add(bulk);
                }
                reportProgress(name, streaming, bulk, config, rebuilding);
            } else {
                reportProgress(name, streaming, null, config, rebuilding);
            }
        });
        if (!holding.isEmpty()) { // one read of the store for every rebuild, from where the earliest must start
            TrackingToken from = BulkReplay.earliest(holding.stream().map(BulkReplay::start).toList());
            long head = TokenPositions.of(config.eventStore().createHeadToken()); // -1: an empty store
            startThread("rebuild-read", () -> shared.run(from, head));
        }
        replays.forEach((name, replay) -> startThread("rebuild-" + name, replay));
    }

    /** The processors that read the store and can be reset, by name: one per read model. */
    private static Map<String, StreamingEventProcessor> streamingProcessors(Configuration config) {
        Map<String, StreamingEventProcessor> processors = new LinkedHashMap<>();
        config.eventProcessingConfiguration().eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.put(name, streaming);
            }
        });
        return processors;
    }

    private void startThread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /**
     * Resets the processor's tokens. Parts still claimed by an owner that is gone (a rebuild or a processor of a
     * service stopped without releasing them: killed, or crashed) are waited for until their claims time out, for
     * at most {@link #CLAIMED}.
     */
    private static void reset(String name, StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + CLAIMED.toNanos();
        for (int attempt = 0; ; attempt++) {
            try {
                processor.resetTokens();
                return;
            } catch (UnableToClaimTokenException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cannot rebuild read model " + name + ": its parts stay claimed ("
                            + e.getMessage() + "); is another query-service running its processors?", e);
                }
                if (attempt % 5 == 0) {
                    log.warn("Rebuilding read model {}: its parts are still claimed ({}); waiting up to {} s for the"
                            + " claims to be released or to time out", name, e.getMessage(), CLAIMED.toSeconds());
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Stops every rebuild after its batch in hand and waits for its thread to release its parts. */
    private void stopRebuilds() {
        bulkReplays.forEach(BulkReplay::stop);
        long deadline = System.nanoTime() + STOPPING.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) {
                log.warn("Rebuild thread {} did not stop within {} s; the parts it holds are taken over once their"
                        + " claims time out", thread.getName(), STOPPING.toSeconds());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private StreamableMessageSource<TrackedEventMessage<?>> source(Configuration config) {
        NotifiedEventSource notified = notifiedSource.getIfAvailable();
        return notified != null ? notified
                : (StreamableMessageSource<TrackedEventMessage<?>>) (StreamableMessageSource<?>) config.eventStore();
    }

    private BulkReplay bulkReplay(String name, PooledStreamingEventProcessor processor, Configuration config) {
        // an owner of its own, so that the processor (this instance's or another's) leaves the parts to the rebuild
        TokenStore rebuildTokens = JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                .schema(tokenSchema).nodeId("rebuild@" + ManagementFactory.getRuntimeMXBean().getName()).build();
        TransactionManager transactions = new ProjectionTransactions(config.getComponent(TransactionManager.class),
                jdbc);
        return new BulkReplay(name, processor, source(config), rebuildTokens, transactions,
                config.eventProcessingConfiguration().rollbackConfiguration(name), batchSize);
    }

    /**
     * Gathers the planner's statistics of the read models' tables once every read model is rebuilt. A rebuild empties
     * and fills them faster than autovacuum notices: until it has analyzed them, PostgreSQL plans the pages' reads
     * (lists of keys, joins) from statistics of tables that were empty, or of their former contents. A failure is
     * logged and leaves the rebuild done: autovacuum gathers them later.
     */
    private void analyzeReadModels() {
        try {
            List<String> tables = jdbc.queryForList("""
                    SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname = 'query'
                     ORDER BY tablename""", String.class);
            if (!tables.isEmpty()) {
                long started = System.nanoTime();
                jdbc.execute("ANALYZE " + String.join(", ", tables));
                log.info("Rebuilding: the statistics of the read models' {} tables gathered in {} ms", tables.size(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
        } catch (DataAccessException e) {
            log.warn("Rebuilding: the statistics of the read models' tables could not be gathered ({}); autovacuum"
                    + " gathers them later", e.toString());
        }
    }

    /**
     * Every 2 s, until every part has handled the store's head as it was when the rebuild began: logs how far the
     * rebuild has come and tells {@link RebuildProgress}. While {@code bulk} (null when the processor replays on its
     * own) holds the parts, its position is the rebuild's; the processor reports none then.
     */
    private void reportProgress(String name, StreamingEventProcessor processor, BulkReplay bulk,
                                Configuration config, AtomicInteger rebuilding) {
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rebuild-progress-" + name);
            thread.setDaemon(true);
            return thread;
        });
        long started = System.nanoTime();
        AtomicLong head = new AtomicLong(-1);
        reporter.scheduleAtFixedRate(() -> {
            try {
                if (head.get() < 0) { // the head of whichever store holds the events (PostgreSQL or Axon Server)
                    TrackingToken headToken = config.eventStore().createHeadToken(); // null: an empty store
                    head.set(headToken == null ? 0 : headToken.position().orElse(0));
                }
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                boolean byBulk = status.isEmpty() && bulk != null && bulk.holding();
                long position = byBulk ? Math.max(0, bulk.position())
                        : status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                        .mapToLong(p -> p.orElse(0)).min().orElse(0);
                // Done once every segment has handled the head. Axon keeps the replay flag until the first event
                // after the reset point arrives, so on a quiet store the flag alone would never say so.
                boolean done = !status.isEmpty() && position >= head.get();
                progress.report(name, new RebuildProgress.Progress(position, head.get(), byBulk, done));
                if (!done) {
                    log.info("Rebuilding read model {}: at global index {} of {}", name, position, head.get());
                    return;
                }
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
                long setAside = config.eventProcessingConfiguration().deadLetterQueue(name)
                        .map(SequencedDeadLetterQueue::size).orElse(0L);
                if (setAside == 0) {
                    log.info("Rebuilding read model {}: up to global index {} — done in {} s", name, head.get(),
                            seconds);
                } else {
                    log.warn("Rebuilding read model {}: read up to global index {} — done in {} s, but {} event(s)"
                            + " could not be projected and are set aside as dead letters (see /actuator/health and the"
                            + " log); the read model lacks them", name, head.get(), seconds, setAside);
                }
                if (rebuilding.decrementAndGet() == 0) {
                    analyzeReadModels();
                    underWay.set(false);
                }
                reporter.shutdown();
            } catch (RuntimeException e) {
                log.warn("Rebuilding read model {}: progress unknown ({}); asking again", name, e.toString());
            }
        }, 1, 2, TimeUnit.SECONDS);
    }
}
