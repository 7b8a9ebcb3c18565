package dk.tilsynsspor.core.privacy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which components of a message are {@link PersonalData}. */
public final class PersonalFields {

    /** What a personal text reads as once its citizen has been forgotten. */
    public static final String ERASED = "[erased]";

    private static final Map<Class<?>, List<String>> CACHE = new ConcurrentHashMap<>();

    private PersonalFields() {
    }

    /** The names of the personal components of {@code type}, in declaration order; empty for most messages. */
    public static List<String> of(Class<?> type) {
        return CACHE.computeIfAbsent(type, PersonalFields::find);
    }

    private static List<String> find(Class<?> type) {
        if (!type.isRecord()) {
            return List.of();
        }
        return Arrays.stream(type.getRecordComponents())
                .filter(component -> component.isAnnotationPresent(PersonalData.class))
                .map(RecordComponent::getName)
                .toList();
    }
}
