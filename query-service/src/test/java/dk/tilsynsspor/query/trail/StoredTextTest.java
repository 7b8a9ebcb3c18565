package dk.tilsynsspor.query.trail;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

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
}
