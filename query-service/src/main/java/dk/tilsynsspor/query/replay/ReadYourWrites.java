package dk.tilsynsspor.query.replay;

import dk.tilsynsspor.query.trail.OrderTrailProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * After a form's command is accepted, the page that follows should show it: wait (briefly) until this instance's
 * trail projection has passed the head of the event store as it was once the command was answered, which includes
 * the command's events. If it does not get there in time, the page is shown anyway and says so.
 */
@Component
public class ReadYourWrites {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final EventStore events;
    private final EventProcessingConfiguration processing;

    ReadYourWrites(EventStore events, EventProcessingConfiguration processing) {
        this.events = events;
        this.processing = processing;
    }

    /** True once the read model holds everything stored before this call; false if it took too long. */
    public boolean awaitProjected() {
        TrackingToken head = events.createHeadToken();
        if (head == null) {
            return true;
        }
        StreamingEventProcessor processor = processing.eventProcessor(OrderTrailProjection.GROUP,
                StreamingEventProcessor.class).orElse(null);
        if (processor == null) {
            return true;
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (covers(processor.processingStatus(), head)) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean covers(Map<Integer, EventTrackerStatus> segments, TrackingToken head) {
        if (segments.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : segments.values()) {
            // positions, not covers(): a gap the projection waits for (an append rolled back elsewhere) would make
            // every form wait out its patience
            TrackingToken position = segment.getTrackingToken();
            if (position == null || position.position().orElse(-1) < head.position().orElse(Long.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }
}
