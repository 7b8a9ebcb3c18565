package dk.tilsynsspor.platform.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of stored events, for the service that writes them and the one that reads them: if the two
 * differed, stored events would stop reading. It is kept apart from the web's mapper, so that web settings never
 * change it. It reads what was stored, whatever it was: a field it does not know is ignored (events only gain
 * fields), a number is the exact decimal it is (never a double, which turns a large one into infinity), however
 * many digits PostgreSQL's JSONB writes it with.
 */
public final class EventMapper {

    /** PostgreSQL's numeric type, which JSONB numbers are, holds up to 131,072 digits before the point. */
    private static final int MAX_STORED_DIGITS = 150_000;

    private EventMapper() {
    }

    public static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_STORED_DIGITS).build())
                .build();
        return new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}
