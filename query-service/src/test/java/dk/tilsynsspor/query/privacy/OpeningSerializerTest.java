package dk.tilsynsspor.query.privacy;

import dk.tilsynsspor.core.casework.SessionInsightRecorded;
import dk.tilsynsspor.core.privacy.PersonalFields;
import dk.tilsynsspor.core.privacy.SealedText;
import dk.tilsynsspor.platform.events.EventMapper;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class OpeningSerializerTest {

    private final JacksonSerializer jackson = JacksonSerializer.builder().objectMapper(EventMapper.create()).build();
    private final CitizenKeyReader keys = mock(CitizenKeyReader.class);
    private final OpeningSerializer serializer = new OpeningSerializer(jackson, keys);
    private final UUID caseId = UUID.randomUUID();
    private final byte[] key = SealedText.newKey();

    /** The insight as command-service stores it: each personal text sealed for its case and field. */
    private SerializedObject<byte[]> stored(String insight, String practiceChange) {
        return jackson.serialize(new SessionInsightRecorded(caseId, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "pædagog-1", UUID.randomUUID(),
                SealedText.seal(key, SealedText.context(caseId, "insight"), insight).envelope(),
                practiceChange == null ? null
                        : SealedText.seal(key, SealedText.context(caseId, "practiceChange"), practiceChange)
                        .envelope()), byte[].class);
    }

    @Test
    void opensEveryPersonalTextWithTheCasesKeyAndLeavesTheRestAsStored() {
        when(keys.keyOf(caseId)).thenReturn(Optional.of(key));
        SerializedObject<byte[]> stored = stored("Borgeren falder til ro ved fast struktur", "Fast morgenrutine");

        SessionInsightRecorded read = serializer.deserialize(stored);

        SessionInsightRecorded asStored = jackson.deserialize(stored);
        assertThat(read.insight()).isEqualTo("Borgeren falder til ro ved fast struktur");
        assertThat(read.practiceChange()).isEqualTo("Fast morgenrutine");
        assertThat(read).usingRecursiveComparison().ignoringFields("insight", "practiceChange").isEqualTo(asStored);
    }

    @Test
    void aForgottenCitizensTextsReadAsErased() {
        when(keys.keyOf(caseId)).thenReturn(Optional.empty());

        SessionInsightRecorded read = serializer.deserialize(stored("Borgeren falder til ro", "Fast morgenrutine"));

        assertThat(read.insight()).isEqualTo(PersonalFields.ERASED);
        assertThat(read.practiceChange()).isEqualTo(PersonalFields.ERASED);
    }

    @Test
    void aMissingPersonalTextStaysMissing() {
        when(keys.keyOf(caseId)).thenReturn(Optional.of(key));

        SessionInsightRecorded read = serializer.deserialize(stored("Borgeren falder til ro", null));

        assertThat(read.insight()).isEqualTo("Borgeren falder til ro");
        assertThat(read.practiceChange()).isNull();
    }

    @Test
    void knowsEachPayloadTypesClassByNameAndRevisionAsJacksonDoes() {
        SerializedType insight = new SimpleSerializedType(SessionInsightRecorded.class.getName(), null);
        SerializedType unknown = new SimpleSerializedType("dk.tilsynsspor.core.NoSuchEvent", null);

        assertThat(serializer.classForType(insight)).isEqualTo(SessionInsightRecorded.class);
        assertThat(serializer.classForType(new SimpleSerializedType(insight.getName(), null)))
                .isEqualTo(SessionInsightRecorded.class);
        assertThat(serializer.classForType(unknown)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(unknown)).isEqualTo(jackson.classForType(unknown));
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
    }
}
