package dk.tilsynsspor.query.trail;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The event classes the trail names by their payload type. Only core's messages qualify. */
public final class EventTypes {

    private static final String CORE_PACKAGE = "dk.tilsynsspor.core.";
    private static final Map<String, Class<?>> TYPES = new ConcurrentHashMap<>();

    private EventTypes() {
    }

    /**
     * The class of a payload type the trail holds.
     *
     * @throws IllegalStateException if it is not one of core's messages, or this service does not know it
     */
    public static Class<?> of(String payloadType) {
        return TYPES.computeIfAbsent(payloadType, name -> {
            if (!name.startsWith(CORE_PACKAGE)) {
                throw new IllegalStateException("unexpected event type in trail: " + name);
            }
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the trail holds an event type this service does not know: " + name,
                        e);
            }
        });
    }
}
