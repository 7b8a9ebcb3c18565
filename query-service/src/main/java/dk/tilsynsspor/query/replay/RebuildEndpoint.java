package dk.tilsynsspor.query.replay;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The operator's way to rebuild every read model without a restart: the actuator endpoint {@code rebuild}, exposed
 * over JMX only (to whoever may attach to the service's process on its host; not over HTTP, where no user's role
 * is the operator's). Its write operation starts the rebuild ({@link ReadModelRebuild#rebuildNow()}); its read
 * operation says whether one is under way. How far it has come is in the log and in health.
 */
@Component
@Endpoint(id = "rebuild")
public class RebuildEndpoint {

    private final ReadModelRebuild rebuild;

    RebuildEndpoint(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @ReadOperation
    public Map<String, Object> underWay() {
        return Map.of("underWay", rebuild.underWay());
    }

    @WriteOperation
    public Map<String, Object> rebuild() {
        boolean started = rebuild.rebuildNow();
        return Map.of("started", started, "message", started
                ? "Rebuilding every read model; progress in the log and in /actuator/health"
                : "A rebuild is already under way; nothing was started");
    }
}
