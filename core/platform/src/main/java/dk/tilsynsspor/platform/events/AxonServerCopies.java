package dk.tilsynsspor.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.axoniq.axonserver.connector.AxonServerConnection;
import io.axoniq.axonserver.connector.event.AggregateEventStream;
import io.axoniq.axonserver.connector.event.EventChannel;
import io.axoniq.axonserver.grpc.MetaDataValue;
import io.axoniq.axonserver.grpc.event.Event;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An event as Axon Server itself keeps it (in profile {@code axonserver}): its payload exactly as stored and its
 * metadata as canonical bytes. Axon Server keeps metadata as a typed map, not as bytes, so both the chain's mirror
 * (command-service) and the verification (query-service) write it the same way: JSON, keys in order (ADR 19).
 */
public final class AxonServerCopies {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private AxonServerCopies() {
    }

    /** The aggregate's event at this sequence number, as Axon Server stores it; empty if it has none. */
    public static Optional<Event> read(AxonServerConnection connection, String aggregateId, long sequence)
            throws InterruptedException {
        try (AggregateCursor cursor = new AggregateCursor(connection.eventChannel(), aggregateId, sequence)) {
            return cursor.at(sequence);
        }
    }

    /**
     * One aggregate's events as Axon Server streams them from a sequence number on, read forward: asked for its
     * events in their order, one stream serves them all. The sequence numbers below {@link #passed} are behind it.
     */
    public static final class AggregateCursor implements AutoCloseable {

        private final AggregateEventStream stream;
        private Event peeked;
        private long next;

        public AggregateCursor(EventChannel channel, String aggregateId, long from) {
            this.stream = channel.openAggregateStream(aggregateId, from);
            this.next = from;
        }

        /** Whether this sequence number is behind the cursor, so that only a new cursor can read it. */
        public boolean passed(long sequence) {
            return sequence < next;
        }

        /** The event at this sequence number, not passed yet; empty if Axon Server has none. */
        public Optional<Event> at(long sequence) throws InterruptedException {
            next = sequence + 1;
            while (peeked != null || stream.hasNext()) {
                Event event = peeked != null ? peeked : stream.next();
                peeked = null;
                if (event.getAggregateSequenceNumber() == sequence) {
                    return Optional.of(event);
                }
                if (event.getAggregateSequenceNumber() > sequence) {
                    peeked = event; // Axon Server has no event at this sequence; a later one may be asked for
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }

        @Override
        public void close() {
            stream.cancel();
        }
    }

    /** The metadata as canonical JSON bytes: keys in order, each value as its type says. */
    public static byte[] metaData(Map<String, MetaDataValue> metaData) {
        Map<String, Object> values = new TreeMap<>();
        metaData.forEach((key, value) -> values.put(key, switch (value.getDataCase()) {
            case TEXT_VALUE -> value.getTextValue();
            case NUMBER_VALUE -> value.getNumberValue();
            case BOOLEAN_VALUE -> value.getBooleanValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().getData().toByteArray());
            case DATA_NOT_SET -> null;
        }));
        try {
            return CANONICAL.writeValueAsBytes(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata of strings, numbers and booleans always writes", e);
        }
    }
}
