package dk.tilsynsspor.command.eventstore;

import org.axonframework.common.property.Property;
import org.axonframework.common.property.PropertyAccessStrategy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's look-up of a property by name, remembered per class and name: asked first, it answers with what Axon's own
 * strategies (a JavaBean getter, a method of the property's name, a field) found the first time. Axon 4.13 looks up
 * the routing keys of every command handler of an entity collection again for each command it routes to one of the
 * entities (an order's requirements: {@code AbstractChildEntityDefinition.extractCommandHandlerRoutingKeys}), and
 * each look-up copies every public method of the command's class: about 4 % of command-service's CPU under the
 * benchmark's commands. A property not found is not remembered (Axon's strategies are asked again, and Axon refuses
 * the command as before). Registered as Axon documents it, through {@code META-INF/services}.
 */
public final class RememberedProperties extends PropertyAccessStrategy {

    /** Before Axon's strategies (the JavaBean one has 0), and far from overflowing Axon's comparison. */
    static final int PRIORITY = 1_000_000;
    /** Set while Axon's strategies are asked, so that this one stands aside. */
    private static final ThreadLocal<Boolean> ASKING = new ThreadLocal<>();
    private static final ClassValue<Map<String, Property<?>>> FOUND = new ClassValue<>() {
        @Override
        protected Map<String, Property<?>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    @Override
    protected int getPriority() {
        return PRIORITY;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <T> Property<T> propertyFor(Class<? extends T> targetClass, String property) {
        Map<String, Property<?>> found = FOUND.get(targetClass);
        Property<?> known = found.get(property);
        if (known != null || ASKING.get() != null) {
            return (Property<T>) known;
        }
        ASKING.set(Boolean.TRUE);
        try {
            known = PropertyAccessStrategy.getProperty(targetClass, property);
        } finally {
            ASKING.remove();
        }
        if (known != null) {
            found.put(property, known);
        }
        return (Property<T>) known;
    }
}
