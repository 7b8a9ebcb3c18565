package dk.tilsynsspor.query.replay;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds every read model from the events when query-service starts with
 * {@code --tilsynsspor.rebuild-read-models=true}: each processor's tokens are reset (its reset handler empties its
 * tables) in the start-up phase just before the processors start, and its progress is logged until it has caught
 * up with the event store.
 *
 * <p>Resetting before the first start, rather than stopping a started processor, resetting and starting it again,
 * keeps clear of a race in Axon's tracking processor: stopped while it hands its only thread to a segment, it never
 * claims a segment again.
 */
@Component
class ReadModelRebuild implements ConfigurerModule {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final int BEFORE_PROCESSORS_START = Phase.INBOUND_EVENT_CONNECTORS - 1;

    private final boolean requested;

    ReadModelRebuild(@Value("${tilsynsspor.rebuild-read-models:false}") boolean requested) {
        this.requested = requested;
    }

    @Override
    public void configureModule(Configurer configurer) {
        if (requested) {
            configurer.onInitialize(config -> config.onStart(BEFORE_PROCESSORS_START, () -> rebuild(config)));
        }
    }

    private void rebuild(Configuration config) {
        config.eventProcessingConfiguration().eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                log.info("Rebuilding read model {}", name);
                streaming.resetTokens();
                reportProgress(name, streaming, config);
            }
        });
    }

    private void reportProgress(String name, StreamingEventProcessor processor, Configuration config) {
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
                    head.set(config.eventStore().createHeadToken().position().orElse(0));
                }
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                long position = status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                        .mapToLong(p -> p.orElse(0)).min().orElse(0);
                // Done once every segment has handled the head. Axon keeps the replay flag until the first event
                // after the reset point arrives, so on a quiet store the flag alone would never say so.
                boolean done = !status.isEmpty() && position >= head.get();
                if (!done) {
                    log.info("Rebuilding read model {}: {} of {} events", name, position, head.get());
                    return;
                }
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
                long setAside = config.eventProcessingConfiguration().deadLetterQueue(name)
                        .map(SequencedDeadLetterQueue::size).orElse(0L);
                if (setAside == 0) {
                    log.info("Rebuilding read model {}: {} of {} events — done in {} s", name, head.get(),
                            head.get(), seconds);
                } else {
                    log.warn("Rebuilding read model {}: {} events read — done in {} s, but {} of them could not be"
                            + " projected and are set aside as dead letters (see /actuator/health and the log);"
                            + " the read model lacks them", name, head.get(), seconds, setAside);
                }
                reporter.shutdown();
            } catch (RuntimeException e) {
                log.warn("Rebuilding read model {}: progress unknown ({}); asking again", name, e.toString());
            }
        }, 1, 2, TimeUnit.SECONDS);
    }
}
