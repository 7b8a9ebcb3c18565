package dk.tilsynsspor.query.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.tilsynsspor.core.privacy.PersonalFields;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event serializer of the read side: Jackson, opening every sealed personal text with its case's key while an
 * event is read. Once the citizen is forgotten the key is gone and the text reads as
 * {@link PersonalFields#ERASED} (ADR 9).
 */
public class OpeningSerializer implements Serializer {

    private static final int MAX_TYPES_KEPT = 4096;

    /** A serialized type by its name and revision, whatever class of {@link SerializedType} Axon hands over. */
    private record TypeKey(String name, String revision) {
    }

    private final JacksonSerializer delegate;
    private final ObjectMapper mapper;
    private final CitizenKeyReader keys;
    /**
     * The class of each payload type seen: Axon asks for a message's payload type for every handler it considers, and
     * Jackson answers each time with a class loader lookup ({@code Class.forName}). Bounded, though a store holds no
     * more types than the code has event classes.
     */
    private final Map<TypeKey, Class<?>> classes = new ConcurrentHashMap<>();

    public OpeningSerializer(JacksonSerializer delegate, CitizenKeyReader keys) {
        this.delegate = delegate;
        this.mapper = delegate.getObjectMapper();
        this.keys = keys;
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        SerializedType type = serializedObject.getType();
        Class<?> payloadType = classForType(type);
        List<String> personal = payloadType == UnknownSerializedType.class ? List.of() : PersonalFields.of(payloadType);
        if (personal.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        byte[] bytes = getConverter().convert(serializedObject.getData(), serializedObject.getContentType(),
                byte[].class);
        try {
            ObjectNode tree = (ObjectNode) mapper.readTree(bytes);
            open(tree, personal);
            // the opened tree itself, not written out and parsed again
            return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, type));
        } catch (IOException | ClassCastException e) {
            throw new SerializationException("could not read the personal data of a " + type.getName(), e);
        }
    }

    private void open(ObjectNode tree, List<String> personal) {
        List<String> sealed = PersonalTexts.sealed(tree, personal);
        if (!sealed.isEmpty()) {
            UUID caseId = PersonalTexts.caseOf(tree);
            PersonalTexts.open(tree, sealed, caseId, keys.keyOf(caseId));
        }
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        TypeKey key = new TypeKey(type.getName(), type.getRevision());
        Class<?> known = classes.get(key);
        if (known != null) {
            return known;
        }
        Class<?> found = delegate.classForType(type);
        if (classes.size() < MAX_TYPES_KEPT) {
            classes.put(key, found);
        }
        return found;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
