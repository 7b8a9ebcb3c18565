package dk.tilsynsspor.query.replay;

import dk.tilsynsspor.query.eventstore.StoreReads;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Health of the read models: DOWN while a processor's segment is in error (it stopped at a failing batch and
 * retries it; no event is skipped), or while events are set aside as dead letters (the read models lack them),
 * with how many in its description. Which events and why: the log and {@code query.dead_letter_entry}. Each
 * segment's position is in the details, and, after a rebuild since this instance started, how far it has come
 * ({@code rebuild}: the position every part has handled, the store's head it rebuilds to, whether the rebuild's own
 * thread or the processor holds the parts, and whether it is done). While the rebuild's own thread holds them, the
 * processor lists no segments. A rebuild under way is named in the description (the status stays UP unless
 * something is DOWN: the service answers, from read models still being filled). DOWN too while the event store
 * cannot be read past some event ({@link StoreReads}): the processors stop there before any handler, so neither a
 * segment's error nor a dead letter would show it.
 */
@Component("readModels")
class ProcessorHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final RebuildProgress rebuilds;
    private final StoreReads storeReads;

    ProcessorHealth(EventProcessingConfiguration processing, RebuildProgress rebuilds, StoreReads storeReads) {
        this.processing = processing;
        this.rebuilds = rebuilds;
        this.storeReads = storeReads;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        List<String> setAside = new ArrayList<>();
        List<String> rebuilding = new ArrayList<>();
        AtomicBoolean inError = new AtomicBoolean();
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
                    inError.set(true);
                    detail.put("error", String.valueOf(status.getError()));
                }
                segments.put("segment " + segment.getKey(), detail);
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", streaming.isRunning());
            detail.put("segments", segments);
            rebuilds.of(name).ifPresent(rebuild -> {
                detail.put("rebuild", rebuild.detail());
                if (!rebuild.done()) {
                    rebuilding.add(name + ": rebuilding, at global index " + rebuild.position() + " of "
                            + rebuild.head());
                }
            });
            processing.deadLetterQueue(name).ifPresent(queue -> {
                long size = queue.size();
                if (size > 0) {
                    setAside.add(name + ": " + size + " event(s) set aside as dead letters");
                    detail.put("deadLetters", Map.of("events", size, "sequences", queue.amountOfSequences()));
                }
            });
            health.withDetail(name, detail);
        });
        // The description is shown even where details are not: it names what is missing, without personal data.
        // A rebuild alone leaves the status UP: the service answers, from read models that are still being filled.
        List<String> missing = new ArrayList<>();
        Optional<StoreReads.Failure> unreadable = storeReads.first();
        unreadable.ifPresent(failure -> {
            missing.add("the event store cannot be read after global index " + failure.after() + " since "
                    + failure.since().truncatedTo(ChronoUnit.SECONDS) + " (" + failure.error() + "; see the log)");
            health.withDetail("unreadableStore", Map.of("after", failure.after(), "since", failure.since().toString(),
                    "error", failure.error()));
        });
        missing.addAll(setAside);
        missing.addAll(rebuilding);
        boolean down = inError.get() || !setAside.isEmpty() || unreadable.isPresent();
        String code = down ? Status.DOWN.getCode() : Status.UP.getCode();
        health.status(missing.isEmpty() ? new Status(code) : new Status(code, String.join("; ", missing)));
        return health.build();
    }
}
