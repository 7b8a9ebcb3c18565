package dk.tilsynsspor.query.replay;

import dk.tilsynsspor.query.eventstore.StoreReads;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProcessorHealthTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor trail = mock(StreamingEventProcessor.class);
    private final RebuildProgress progress = new RebuildProgress();
    private final StoreReads storeReads = new StoreReads();
    private final ProcessorHealth indicator = new ProcessorHealth(processing, progress, storeReads);

    ProcessorHealthTest() {
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of("order-trail", trail));
        when(trail.isRunning()).thenReturn(true);
    }

    @Test
    void aRebuildUnderWayIsNamedWhileTheServiceStaysUp() {
        when(trail.processingStatus()).thenReturn(Map.of()); // the rebuild's own thread holds the parts
        progress.report("order-trail", new RebuildProgress.Progress(450, 1_000, true, false));

        Health health = indicator.health();

        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getStatus().getDescription())
                .isEqualTo("order-trail: rebuilding, at global index 450 of 1000");
        assertThat(detail(health)).containsEntry("rebuild",
                Map.of("position", 450L, "head", 1_000L, "by", "rebuild", "done", false));
    }

    @Test
    void aFinishedRebuildIsOnlyADetail() {
        when(trail.processingStatus()).thenReturn(Map.of());
        progress.report("order-trail", new RebuildProgress.Progress(1_000, 1_000, false, true));

        Health health = indicator.health();

        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getStatus().getDescription()).isEmpty();
        assertThat(detail(health)).containsEntry("rebuild",
                Map.of("position", 1_000L, "head", 1_000L, "by", "processor", "done", true));
    }

    @Test
    void aSegmentInErrorKeepsItDownDuringARebuild() {
        EventTrackerStatus failing = mock(EventTrackerStatus.class);
        when(failing.isErrorState()).thenReturn(true);
        when(failing.getError()).thenReturn(new IllegalStateException("the database is gone"));
        when(trail.processingStatus()).thenReturn(Map.of(0, failing));
        progress.report("order-trail", new RebuildProgress.Progress(10, 1_000, false, false));

        Health health = indicator.health();

        assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
        assertThat(health.getStatus().getDescription())
                .isEqualTo("order-trail: rebuilding, at global index 10 of 1000");
    }

    @Test
    void withoutARebuildNothingIsNamed() {
        when(trail.processingStatus()).thenReturn(Map.of());

        Health health = indicator.health();

        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getStatus().getDescription()).isEmpty();
        assertThat(detail(health)).doesNotContainKey("rebuild");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Health health) {
        return (Map<String, Object>) health.getDetails().get("order-trail");
    }
}
