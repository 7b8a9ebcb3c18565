package dk.tilsynsspor.query.trail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Text as PostgreSQL can store it. Its text and JSONB types cannot hold the NUL character, which events recorded
 * before input was checked may contain; it is stored as U+FFFD (the replacement character) instead, so the trail
 * shows that something was there rather than losing the event. Everything else is stored exactly.
 */
public final class StoredText {

    static final char NUL = '\0';
    static final char REPLACEMENT = '\uFFFD';
    /** How JSON writes a NUL character. */
    private static final String ESCAPED_NUL = "\\u0000";
    private static final byte[] ESCAPED_NUL_BYTES = ESCAPED_NUL.getBytes(StandardCharsets.US_ASCII);

    private StoredText() {
    }

    public static String of(String text) {
        return text == null || text.indexOf(NUL) < 0 ? text : text.replace(NUL, REPLACEMENT);
    }

    /** The payload as JSON for a JSONB column: every NUL in its texts (and keys) replaced. */
    static String json(ObjectMapper mapper, Object payload) {
        try {
            String json = mapper.writeValueAsString(payload);
            if (!json.contains(ESCAPED_NUL)) {
                return json;
            }
            return mapper.writeValueAsString(clean(mapper.valueToTree(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + payload.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * JSON as stored (UTF-8 bytes) for a JSONB column: the bytes themselves unless a text (or key) in them holds a NUL,
     * which is then replaced as {@link #json(ObjectMapper, Object)} does.
     */
    static byte[] json(ObjectMapper mapper, byte[] stored) throws IOException {
        if (!contains(stored, ESCAPED_NUL_BYTES)) {
            return stored;
        }
        return json(mapper, mapper.readTree(stored)).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code bytes} hold {@code part} anywhere. */
    static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static JsonNode clean(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(of(node.textValue()));
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, clean(array.get(i)));
            }
        } else if (node instanceof ObjectNode object) {
            ObjectNode cleaned = object.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                cleaned.set(of(field.getKey()), clean(field.getValue()));
            }
            return cleaned;
        }
        return node;
    }
}
