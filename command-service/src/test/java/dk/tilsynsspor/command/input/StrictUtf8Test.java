package dk.tilsynsspor.command.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictUtf8Test {

    private final ObjectMapper strict = new ObjectMapper();

    StrictUtf8Test() {
        strict.getFactory().setInputDecorator(new StrictUtf8());
    }

    @Test
    void jacksonAloneReadsAnOverlongFormAsTheShortOne() throws IOException {
        assertThat(new ObjectMapper().readTree(body(0xC0, 0xBC)).get("t").asText()).isEqualTo("a<");
        assertThat(new ObjectMapper().readTree(body(0xC0, 0x80)).get("t").asText()).isEqualTo("a\0");
    }

    @Test
    void overlongFormsAreRefusedFromAStreamAndFromBytes() {
        for (byte[] body : new byte[][] {body(0xC0, 0xBC), body(0xC0, 0x80), body(0xE0, 0x80, 0xBC),
                body(0xF0, 0x80, 0x80, 0xBC)}) {
            assertThatThrownBy(() -> strict.readTree(new ByteArrayInputStream(body)))
                    .isInstanceOf(CharConversionException.class).hasMessage("The request body is not valid UTF-8.");
            assertThatThrownBy(() -> strict.readTree(body)).isInstanceOf(CharConversionException.class);
        }
    }

    @Test
    void encodedSurrogatesAndBytesBeyondUnicodeAreRefused() {
        assertThatThrownBy(() -> strict.readTree(new ByteArrayInputStream(body(0xED, 0xA0, 0x80))))
                .isInstanceOf(CharConversionException.class);
        assertThatThrownBy(() -> strict.readTree(new ByteArrayInputStream(body(0xF4, 0x90, 0x80, 0x80))))
                .isInstanceOf(CharConversionException.class);
    }

    @Test
    void utf8IsReadAsBeforeDanishLettersAndEmojiIncluded() throws IOException {
        String text = "Ærø, å og 😀";
        byte[] json = ("{\"t\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(strict.readTree(new ByteArrayInputStream(json)).get("t").asText()).isEqualTo(text);
        assertThat(strict.readTree(json).get("t").asText()).isEqualTo(text);
    }

    /** {@code {"t":"a…"}} with the given bytes in place of the dots. */
    private static byte[] body(int... bytes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"t\":\"a".getBytes(StandardCharsets.US_ASCII));
        for (int b : bytes) {
            body.write(b);
        }
        body.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
