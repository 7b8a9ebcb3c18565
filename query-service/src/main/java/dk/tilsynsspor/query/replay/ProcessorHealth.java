package dk.tilsynsspor.query.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of the read models: DOWN while a processor's segment is in error (it stopped at a failing event and
 * retries it; no event is skipped), with the error and each segment's position.
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
            health.withDetail(name, Map.of("running", streaming.isRunning(), "segments", segments));
        });
        return health.build();
    }
}
