package dk.tilsynsspor.command.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dk.tilsynsspor.platform.text.TextRules;

import java.io.IOException;

/**
 * Every string of every request body, checked against {@link TextRules} as it is read, so that no field can be
 * forgotten: a refused text answers 400 naming its field.
 */
final class SafeStringDeserializer extends StdScalarDeserializer<String> {

    SafeStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text == null) {
            return null;
        }
        String problem = TextRules.problem(text).orElse(null);
        if (problem != null) {
            throw InvalidFormatException.from(parser, problem, text, String.class);
        }
        return text;
    }
}
