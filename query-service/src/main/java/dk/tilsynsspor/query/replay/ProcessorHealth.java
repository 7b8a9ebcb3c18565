package dk.tilsynsspor.query.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Health of the read models: DOWN while a processor's segment is in error (it stopped at a failing batch and
 * retries it; no event is skipped), or while events are set aside as dead letters (the read models lack them),
 * with how many in its description. Which events and why: the log and {@code query.dead_letter_entry}. Each
 * segment's position is in the details.
 */
@Component("readModels")
class ProcessorHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    ProcessorHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        List<String> setAside = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                return;
            }
            Map<String, Object> segments = new LinkedHashMap<>();
            for (Map.Entry<Integer, EventTrackerStatus> segment : streaming.processingStatus().entrySet()) {
                EventTrackerStatus status = segment.getValue();
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("position", status.getCurrentPosition().orElse(-1));
                detail.put("caughtUp", status.isCaughtUp());
                detail.put("replaying", status.isReplaying());
                if (status.isErrorState()) {
                    health.down();
                    detail.put("error", String.valueOf(status.getError()));
                }
                segments.put("segment " + segment.getKey(), detail);
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", streaming.isRunning());
            detail.put("segments", segments);
            processing.deadLetterQueue(name).ifPresent(queue -> {
                long size = queue.size();
                if (size > 0) {
                    setAside.add(name + ": " + size + " event(s) set aside as dead letters");
                    detail.put("deadLetters", Map.of("events", size, "sequences", queue.amountOfSequences()));
                }
            });
            health.withDetail(name, detail);
        });
        if (!setAside.isEmpty()) {
            // the description is shown even where details are not: it names what is missing, without personal data
            health.status(new Status(Status.DOWN.getCode(), String.join("; ", setAside)));
        }
        return health.build();
    }
}
