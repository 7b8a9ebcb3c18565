package dk.tilsynsspor.query.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoredTextTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aNulCharacterIsStoredAsTheReplacementCharacter() {
        assertThat(StoredText.of("before\u0000after")).isEqualTo("before\uFFFDafter");
        assertThat(StoredText.of("nothing to do")).isEqualTo("nothing to do");
        assertThat(StoredText.of(null)).isNull();
    }

    @Test
    void everyNulInAPayloadsTextsAndKeysIsReplacedAndTheRestKeptExactly() throws Exception {
        Map<String, Object> payload = Map.of("insight", "a\u0000b", "list", List.of("c\u0000", 12.5),
                "nested", Map.of("k\u0000", "v"));
        String json = StoredText.json(mapper, payload);
        assertThat(json).doesNotContain("\\u0000");
        assertThat(mapper.readTree(json).get("insight").textValue()).isEqualTo("a\uFFFDb");
        assertThat(mapper.readTree(json).get("list").get(0).textValue()).isEqualTo("c\uFFFD");
        assertThat(mapper.readTree(json).get("list").get(1).doubleValue()).isEqualTo(12.5);
        assertThat(mapper.readTree(json).get("nested").has("k\uFFFD")).isTrue();
    }

    @Test
    void aTypedBackslashUSequenceIsNotANul() throws Exception {
        String json = StoredText.json(mapper, Map.of("text", "\\u0000 is how JSON writes NUL"));
        assertThat(mapper.readTree(json).get("text").textValue()).isEqualTo("\\u0000 is how JSON writes NUL");
    }

    @Test
    void storedJsonIsKeptAsItsOwnBytesUnlessATextHoldsANul() throws Exception {
        byte[] clean = bytes("{\"insight\":\"før \\u0001 efter\"}");
        assertThat(StoredText.json(mapper, clean)).isSameAs(clean);

        byte[] withNul = bytes("{\"insight\":\"før\\u0000efter\",\"n\":1}");
        JsonNode stored = mapper.readTree(StoredText.json(mapper, withNul));
        assertThat(stored.get("insight").textValue()).isEqualTo("før\uFFFDefter");
        assertThat(stored.get("n").intValue()).isEqualTo(1);
    }

    @Test
    void findsTheEscapedNulOfStoredJsonWhereverItIs() {
        byte[] nul = bytes("\\u0000");
        assertThat(StoredText.contains(bytes("{\"insight\":\"før\\u0000efter\"}"), nul)).isTrue();
        assertThat(StoredText.contains(bytes("\\u0000{}"), nul)).isTrue();
        assertThat(StoredText.contains(bytes("{}\\u0000"), nul)).isTrue();
        assertThat(StoredText.contains(bytes("\\u0000"), nul)).isTrue();
        assertThat(StoredText.contains(bytes("{\"insight\":\"før \\u0001 \\u000 u0000\"}"), nul)).isFalse();
        assertThat(StoredText.contains(bytes("\\u000"), nul)).isFalse();
        assertThat(StoredText.contains(new byte[0], nul)).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
