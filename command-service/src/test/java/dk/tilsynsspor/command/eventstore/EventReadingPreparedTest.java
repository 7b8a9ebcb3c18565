package dk.tilsynsspor.command.eventstore;

import dk.tilsynsspor.command.MigratedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

/**
 * The start-up read of the latest events: it reads the newest first, at most as many as asked, payload and metadata
 * through the event serializer, and passes over a row it cannot read instead of stopping.
 */
class EventReadingPreparedTest {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private final List<String> deserialized = new ArrayList<>();
    private Serializer serializer;

    @BeforeAll
    static void database() throws Exception {
        postgres = MigratedDatabase.start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void store() {
        jdbc.update("TRUNCATE events.domain_event_entry");
        serializer = spy(JacksonSerializer.defaultSerializer());
        doAnswer(call -> {
            SerializedObject<?> object = call.getArgument(0);
            deserialized.add(object.getType().getName());
            return call.callRealMethod();
        }).when(serializer).deserialize(any());
        append("\"first\"");
        append("{\"an\": \"object, not a text\"}");
        append("\"third\"");
    }

    private static void append(String payload) {
        jdbc.update("""
                INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                       metaData, payload, payloadType, timeStamp)
                VALUES (?, 0, 'Test', ?, convert_to('{"traceId":"t"}', 'UTF8'), convert_to(?, 'UTF8'),
                        'java.lang.String', '2026-12-01T00:00:00Z')""", UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), payload);
    }

    @Test
    void readsPayloadAndMetadataOfTheLatestEventsAndPassesOverOneItCannotRead() {
        int read = new EventReadingPrepared(jdbc, serializer).read(10);

        assertThat(read).isEqualTo(2);
        assertThat(deserialized).containsExactly("java.lang.String", "org.axonframework.messaging.MetaData",
                "java.lang.String", "java.lang.String", "org.axonframework.messaging.MetaData");
    }

    @Test
    void readsNoMoreThanAskedNewestFirst() {
        int read = new EventReadingPrepared(jdbc, serializer).read(1);

        assertThat(read).isEqualTo(1);
        assertThat(deserialized).containsExactly("java.lang.String", "org.axonframework.messaging.MetaData");
    }
}
