package dk.tilsynsspor.command.input;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request body's bytes must be UTF-8 as the standard defines it, before Jackson reads them. Jackson refuses most
 * broken UTF-8 itself, but decodes a character written in more bytes than it needs (an "overlong" form: {@code C0 BC}
 * read as {@code <}, {@code C0 80} as the NUL character) as if it were the short form; such bytes are not UTF-8 and
 * are refused here, with Java's own decoder, which allows only the shortest form. The body is read whole first, which
 * the request guard bounds (1 MB). Bodies Jackson is handed as characters were decoded already and pass as they are.
 */
final class StrictUtf8 extends InputDecorator {

    private static final long serialVersionUID = 1L;

    @Override
    public InputStream decorate(IOContext context, InputStream in) throws IOException {
        byte[] body = in.readAllBytes();
        check(body, 0, body.length);
        return new ByteArrayInputStream(body);
    }

    /** Checked in place; {@code null} tells Jackson to read the bytes it was given. */
    @Override
    public InputStream decorate(IOContext context, byte[] source, int offset, int length) throws IOException {
        check(source, offset, length);
        return null;
    }

    @Override
    public Reader decorate(IOContext context, Reader reader) {
        return reader;
    }

    static void check(byte[] bytes, int offset, int length) throws CharConversionException {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
        } catch (CharacterCodingException notUtf8) {
            throw new CharConversionException("The request body is not valid UTF-8.");
        }
    }
}
