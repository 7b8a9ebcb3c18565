package dk.tilsynsspor.platform.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A header value's text: its bytes read as UTF-8 when they are UTF-8, else as the ISO-8859-1 they arrived as. */
public final class HeaderText {

    private HeaderText() {
    }

    public static String decode(String asLatin1) {
        for (int i = 0; i < asLatin1.length(); i++) {
            if (asLatin1.charAt(i) > 0xFF) {
                return asLatin1; // already decoded by someone who knew better
            }
        }
        byte[] bytes = asLatin1.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return asLatin1;
        }
    }
}
