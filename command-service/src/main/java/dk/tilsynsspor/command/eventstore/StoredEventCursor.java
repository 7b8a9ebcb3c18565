package dk.tilsynsspor.command.eventstore;

import dk.tilsynsspor.platform.events.AxonServerCopies;
import io.axoniq.axonserver.connector.AxonServerConnection;
import io.axoniq.axonserver.connector.event.EventStream;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.event.EventWithToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Axon Server's own copy of each event the chain's mirror is handed, read along Axon Server's event stream: the
 * mirror goes through the events in token order, so one open stream, kept a step ahead, serves them all. Reading
 * each event's aggregate again instead (a request to Axon Server per event) held the mirror to a few hundred events
 * a second. A token at or before the stream's position (the processor went back: a retried batch, a claim taken
 * over) opens the stream again just before it; an event the stream does not bring within a while, or one that is
 * not the event handed over, is read from its aggregate as before. A stream nobody has read from for a while (the
 * mirror's part taken over by another instance, or nothing appended) is closed, so that Axon Server does not keep
 * sending it events nobody takes; the next event opens it again.
 */
final class StoredEventCursor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoredEventCursor.class);
    /** Events Axon Server may send ahead of the mirror. */
    static final int BUFFER = 1000;
    /** How long the stream is given to bring an event the processor has already been handed. */
    static final long WAIT_MILLIS = 2000;

    private final Supplier<AxonServerConnection> connection;
    private EventStream stream;
    /** The token of the last event taken from {@link #stream}. */
    private long position;
    /** When an event was last asked for ({@link System#nanoTime()}). */
    private long lastAsked = System.nanoTime();

    StoredEventCursor(Supplier<AxonServerConnection> connection) {
        this.connection = connection;
    }

    /**
     * The event at {@code token}, as Axon Server stores it, which must be the aggregate's event at
     * {@code sequence}; empty if Axon Server has no such event.
     */
    synchronized Optional<Event> at(long token, String aggregateId, long sequence) throws InterruptedException {
        lastAsked = System.nanoTime();
        if (stream == null || stream.isClosed() || token <= position) {
            reopen(token - 1);
        }
        Optional<Event> streamed = streamed(token, aggregateId, sequence);
        if (streamed.isPresent()) {
            return streamed;
        }
        log.info("Axon Server's stream did not bring {}#{} at token {}: reading it from its aggregate", aggregateId,
                sequence, token);
        close();
        return AxonServerCopies.read(connection.get(), aggregateId, sequence);
    }

    private Optional<Event> streamed(long token, String aggregateId, long sequence) throws InterruptedException {
        try {
            while (true) {
                EventWithToken next = stream.nextIfAvailable(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (next == null || next.getToken() > token) {
                    return Optional.empty();
                }
                position = next.getToken();
                if (position == token) {
                    Event event = next.getEvent();
                    return aggregateId.equals(event.getAggregateIdentifier())
                            && event.getAggregateSequenceNumber() == sequence ? Optional.of(event) : Optional.empty();
                }
            }
        } catch (RuntimeException streamFailed) { // the connection lost: the stream is closed with an error
            log.info("Axon Server's event stream failed: {}", streamFailed.toString());
            return Optional.empty();
        }
    }

    private void reopen(long after) {
        close();
        stream = connection.get().eventChannel().openStream(after, BUFFER);
        position = after;
    }

    /** Closes the stream if no event was asked for within {@code idle}; true if it did. */
    synchronized boolean closeIfIdle(Duration idle) {
        if (stream == null || System.nanoTime() - lastAsked < idle.toNanos()) {
            return false;
        }
        close();
        return true;
    }

    @Override
    public synchronized void close() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
