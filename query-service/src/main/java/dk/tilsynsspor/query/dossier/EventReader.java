package dk.tilsynsspor.query.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import dk.tilsynsspor.query.eventstore.EventJson;
import dk.tilsynsspor.query.trail.TrailEntry;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a trail entry's payload back into the event it was projected from. Only core's messages qualify. */
@Component
public class EventReader {

    private static final String CORE_PACKAGE = "dk.tilsynsspor.core.";

    private final EventJson json;
    private final Map<String, Class<?>> types = new ConcurrentHashMap<>();

    EventReader(EventJson json) {
        this.json = json;
    }

    public Object read(TrailEntry entry) {
        try {
            return json.mapper().treeToValue(entry.payload(), type(entry.payloadType()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + entry.payloadType() + " of event " + entry.eventId(), e);
        }
    }

    private Class<?> type(String name) {
        return types.computeIfAbsent(name, key -> {
            if (!key.startsWith(CORE_PACKAGE)) {
                throw new IllegalStateException("unexpected event type in trail: " + key);
            }
            try {
                return Class.forName(key);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("unknown event type in trail: " + key, e);
            }
        });
    }
}
