package dk.tilsynsspor.query.replay;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each read model's rebuild has come, as {@link ReadModelRebuild} last saw it: for its log lines and for
 * health ({@link ProcessorHealth}). While a {@link BulkReplay} holds a processor's parts, the processor itself reports
 * no segments, so its status alone would not say that a rebuild is under way, nor how far it is.
 */
@Component
class RebuildProgress {

    /**
     * @param position the global index every part of the read model has handled (the lowest of their positions)
     * @param head     the store's head when the rebuild began: done once every part has handled it
     * @param bulk     whether the rebuild's own thread holds the parts (ADR 22) rather than the processor
     */
    record Progress(long position, long head, boolean bulk, boolean done) {

        Map<String, Object> detail() {
            return Map.of("position", position, "head", head, "by", bulk ? "rebuild" : "processor", "done", done);
        }
    }

    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    void report(String readModel, Progress now) {
        progress.put(readModel, now);
    }

    /** Empty when this instance has not rebuilt the read model since it started. */
    Optional<Progress> of(String readModel) {
        return Optional.ofNullable(progress.get(readModel));
    }
}
