package dk.tilsynsspor.command.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.tilsynsspor.core.privacy.CaseScoped;
import dk.tilsynsspor.core.privacy.PersonalFields;
import dk.tilsynsspor.core.privacy.SealedText;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.util.List;

/**
 * The event serializer of the command side: Jackson, with every {@link dk.tilsynsspor.core.privacy.PersonalData
 * personal} text of a case's event (a {@link CaseScoped} message naming a case) sealed under its case's key before it is stored (ADR 9). Reading leaves sealed
 * texts sealed: no rule of the command side looks at them.
 */
public class SealingSerializer implements Serializer {

    private final JacksonSerializer delegate;
    private final ObjectMapper mapper;
    private final CitizenKeys keys;

    public SealingSerializer(JacksonSerializer delegate, CitizenKeys keys) {
        this.delegate = delegate;
        this.mapper = delegate.getObjectMapper();
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        List<String> personal = object == null ? List.of() : PersonalFields.of(object.getClass());
        if (personal.isEmpty() || !(object instanceof CaseScoped event) || event.caseId() == null) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = mapper.valueToTree(object);
        byte[] key = keys.keyFor(event.caseId());
        for (String field : personal) {
            JsonNode value = tree.get(field);
            if (value != null && value.isTextual()) {
                tree.put(field, SealedText.seal(key, SealedText.context(event.caseId(), field), value.asText()).envelope());
            }
        }
        try {
            byte[] bytes = mapper.writeValueAsBytes(tree);
            return new SimpleSerializedObject<>(getConverter().convert(bytes, byte[].class, expectedRepresentation),
                    expectedRepresentation, typeForClass(object.getClass()));
        } catch (IOException e) {
            throw new SerializationException("could not serialize " + object.getClass().getName(), e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return delegate.deserialize(serializedObject);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
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
