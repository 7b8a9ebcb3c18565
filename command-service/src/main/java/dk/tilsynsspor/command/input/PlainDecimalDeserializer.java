package dk.tilsynsspor.command.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Every decimal of every request body as it is written, except that an exponent which moves the point to the right
 * is written out: {@code 1E+11} is kept as {@code 100000000000}, and a zero with any exponent as {@code 0}. An event is
 * forever, and {@code 0E+2147483647}, which passes every bound on digits (it is zero), is a number that PostgreSQL's
 * numeric and JSONB types refuse to read. A number too large for that (more than {@link #MOST_DIGITS} digits before
 * the point) is left as written, for the field's bound ({@link Amount}) to refuse.
 */
final class PlainDecimalDeserializer extends StdScalarDeserializer<BigDecimal> {

    /** More digits before the point than any field of a request takes. */
    static final int MOST_DIGITS = 18;

    PlainDecimalDeserializer() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return plain(NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context));
    }

    static BigDecimal plain(BigDecimal number) {
        if (number == null || number.scale() >= 0) {
            return number;
        }
        if (number.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // digits before the point: precision - scale, computed in long (the scale may be as low as -2^31)
        return (long) number.precision() - number.scale() <= MOST_DIGITS ? number.setScale(0) : number;
    }
}
