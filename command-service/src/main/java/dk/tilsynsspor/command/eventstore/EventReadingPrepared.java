package dk.tilsynsspor.command.eventstore;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the store's latest events once as the service starts (their payloads and metadata, through the event
 * serializer), so that the first aggregates read after a restart find the JSON mapping of their events looked over
 * and compiled. Profiled on a slow machine: the first command on a long order after a restart spent two thirds of
 * its time applying the events recorded since the order's snapshot (up to 499), most of it in Jackson's first
 * reads of those events' types and of their metadata (docs/benchmarks/README.md). The latest events are those of
 * the types in use. One query of at most {@value #LATEST} rows by the global index's key; a row that cannot be read
 * is passed over (reading it for real will say why), and a failure is only logged: reading then pays, as it would
 * without this. Not in the benchmark's stock profile, whose events are in Axon's JPA table.
 */
@Component
@Profile("!" + EventStoreConfiguration.AXON_DEFAULTS)
class EventReadingPrepared implements ApplicationRunner {

    static final int LATEST = 5_000;
    private static final Logger log = LoggerFactory.getLogger(EventReadingPrepared.class);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    EventReadingPrepared(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        try {
            long started = System.nanoTime();
            int read = read(LATEST);
            log.debug("Read the latest {} events ahead of the first command, in {} ms", read,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException e) {
            log.warn("Reading the latest events ahead of the first command failed: {}", e.toString());
        }
    }

    /** Reads the latest {@code latest} events; how many of them could be read. */
    int read(int latest) {
        AtomicInteger read = new AtomicInteger();
        jdbc.query("""
                SELECT payload, payloadType, payloadRevision, metaData FROM events.domain_event_entry
                 ORDER BY globalIndex DESC LIMIT ?""", row -> {
            try {
                serializer.deserialize(new SimpleSerializedObject<>(row.getBytes(1), byte[].class, row.getString(2),
                        row.getString(3)));
                byte[] metaData = row.getBytes(4);
                if (metaData != null) {
                    serializer.deserialize(new SimpleSerializedObject<>(metaData, byte[].class,
                            MetaData.class.getName(), null));
                }
                read.incrementAndGet();
            } catch (RuntimeException unreadable) {
                log.trace("A stored event could not be read ahead of the first command: {}", unreadable.toString());
            }
        }, latest);
        return read.get();
    }
}
