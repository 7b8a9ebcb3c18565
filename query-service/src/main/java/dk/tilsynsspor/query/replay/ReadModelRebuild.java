package dk.tilsynsspor.query.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds every read model from the events when query-service starts with
 * {@code --tilsynsspor.rebuild-read-models=true}: each processor is stopped, its tokens reset (its reset handler
 * empties its tables) and started again, and its progress is logged until it has caught up with the event store.
 */
@Component
class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final boolean requested;

    ReadModelRebuild(EventProcessingConfiguration processing, EventStore eventStore,
                     @Value("${tilsynsspor.rebuild-read-models:false}") boolean requested) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.requested = requested;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfRequested() {
        if (!requested) {
            return;
        }
        // the head of whichever store holds the events (PostgreSQL or Axon Server)
        long head = eventStore.createHeadToken().position().orElse(0);
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                log.info("Rebuilding read model {} from {} events", name, head);
                streaming.shutDown();
                streaming.resetTokens();
                streaming.start();
                reportProgress(name, streaming, head);
            }
        });
    }

    private void reportProgress(String name, StreamingEventProcessor processor, long head) {
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rebuild-progress-" + name);
            thread.setDaemon(true);
            return thread;
        });
        long started = System.nanoTime();
        reporter.scheduleAtFixedRate(() -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            long position = status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                    .mapToLong(p -> p.orElse(0)).min().orElse(0);
            // Done once every segment has handled the head. Axon keeps the replay flag until the first event
            // after the reset point arrives, so on a quiet store the flag alone would never say so.
            boolean done = !status.isEmpty() && position >= head;
            log.info("Rebuilding read model {}: {} of {} events{}", name, Math.min(position, head), head,
                    done ? " — done in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s" : "");
            if (done) {
                reporter.shutdown();
            }
        }, 1, 2, TimeUnit.SECONDS);
    }
}
