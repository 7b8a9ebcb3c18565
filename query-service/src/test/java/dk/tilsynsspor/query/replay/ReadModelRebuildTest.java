package dk.tilsynsspor.query.replay;

import dk.tilsynsspor.query.eventstore.EventSourceConfiguration.ProcessingProperties;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The rebuild in the running service stops, resets and starts only processors that can take it. */
class ReadModelRebuildTest {

    /**
     * Axon's tracking processor (profile {@code axon-defaults}) may never claim a segment again when stopped and
     * started: a rebuild in the running service refuses it, before it stops any processor, and names the restart.
     */
    @Test
    void aRunningServiceWithATrackingProcessorIsNotRebuiltAndNothingIsStopped() {
        PooledStreamingEventProcessor pooled = mock(PooledStreamingEventProcessor.class);
        TrackingEventProcessor tracking = mock(TrackingEventProcessor.class);
        ReadModelRebuild rebuild = started(Map.of("order-trail", pooled, "notifications", tracking));

        assertThatThrownBy(rebuild::rebuildNow).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[notifications]")
                .hasMessageContaining("--tilsynsspor.rebuild-read-models=true");
        verify(pooled, never()).shutDown();
        verify(tracking, never()).shutDown();
    }

    /** A rebuild as Axon configures it, its service started with these processors. */
    @SuppressWarnings("unchecked")
    private static ReadModelRebuild started(Map<String, EventProcessor> processors) {
        ReadModelRebuild rebuild = new ReadModelRebuild(false, null, null, null, null, null,
                new ProcessingProperties(50, 500, Duration.ofSeconds(10), 1, 1000, Duration.ofMillis(20)),
                new RebuildProgress());
        Configurer configurer = mock(Configurer.class);
        rebuild.configureModule(configurer);
        ArgumentCaptor<Consumer<Configuration>> initialize = ArgumentCaptor.forClass(Consumer.class);
        verify(configurer).onInitialize(initialize.capture());
        Configuration config = mock(Configuration.class);
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(config.eventProcessingConfiguration()).thenReturn(processing);
        when(processing.eventProcessors()).thenReturn(processors);
        initialize.getValue().accept(config);
        return rebuild;
    }
}
