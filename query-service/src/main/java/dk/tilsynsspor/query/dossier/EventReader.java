package dk.tilsynsspor.query.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import dk.tilsynsspor.query.eventstore.EventJson;
import dk.tilsynsspor.query.trail.EventTypes;
import dk.tilsynsspor.query.trail.TrailEntry;
import org.springframework.stereotype.Component;

/** Reads a trail entry's payload back into the event it was projected from. Only core's messages qualify. */
@Component
public class EventReader {

    private final EventJson json;

    EventReader(EventJson json) {
        this.json = json;
    }

    public Object read(TrailEntry entry) {
        try {
            return json.mapper().treeToValue(entry.payload(), EventTypes.of(entry.payloadType()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + entry.payloadType() + " of event " + entry.eventId(), e);
        }
    }
}
