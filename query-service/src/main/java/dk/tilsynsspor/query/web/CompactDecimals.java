package dk.tilsynsspor.query.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numbers in the answers as a client's JSON library can read them. A value recorded before amounts were bounded may
 * have a thousand digits as PostgreSQL writes it (1e1000 as a one and a thousand zeros), more than common JSON
 * libraries accept; such a number is written in its shortest exact form (1E+1000). Ordinary amounts are unchanged.
 */
@Configuration(proxyBeanMethods = false)
class CompactDecimals {

    /** Far above any amount the API takes (12 + 6 digits), far below what JSON libraries refuse (1,000). */
    static final int MAX_PLAIN_DIGITS = 100;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer compactLongDecimals() {
        return builder -> builder.serializerByType(BigDecimal.class, new Decimals())
                .serializerByType(BigInteger.class, new Integers());
    }

    static final class Decimals extends StdSerializer<BigDecimal> {

        Decimals() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeNumber(value.precision() > MAX_PLAIN_DIGITS || Math.abs(value.scale()) > MAX_PLAIN_DIGITS
                    ? value.stripTrailingZeros() : value);
        }
    }

    /** A whole number read from a stored event's JSON (PostgreSQL writes 1e1000 as one). */
    static final class Integers extends StdSerializer<BigInteger> {

        Integers() {
            super(BigInteger.class);
        }

        @Override
        public void serialize(BigInteger value, JsonGenerator json, SerializerProvider provider) throws IOException {
            if (value.bitLength() > MAX_PLAIN_DIGITS * 3) { // at least 90 decimal digits
                json.writeNumber(new BigDecimal(value).stripTrailingZeros());
            } else {
                json.writeNumber(value);
            }
        }
    }
}
