package dk.tilsynsspor.query.bench;

import io.axoniq.axonserver.connector.AxonServerConnection;
import io.axoniq.axonserver.connector.AxonServerConnectionFactory;
import io.axoniq.axonserver.connector.event.AppendEventsTransaction;
import io.axoniq.axonserver.connector.event.EventStream;
import io.axoniq.axonserver.connector.impl.ServerAddress;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.event.EventWithToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The benchmark's own connection to Axon Server's event store (profile {@code axonserver}), through Axon's connector
 * as the services use it: its head, the events of some aggregates as it keeps them, appends of copies, and the raw
 * read of its whole event stream that a rebuild there is compared with.
 */
final class AxonServerStore implements AutoCloseable {

    /** Events the stream may send ahead of what was taken, as Axon's event store asks by default (its buffer). */
    private static final int BUFFER = 5000;
    /** The connector's streams start after the token they are given: the first event's is 0. */
    private static final long FROM_THE_FIRST = -1;

    private final AxonServerConnectionFactory factory;
    private final AxonServerConnection connection;

    /** {@code address}: host:port of its gRPC port; the context {@code default}. */
    AxonServerStore(String address) {
        String[] hostAndPort = address.split(":");
        factory = AxonServerConnectionFactory.forClient("tilsynsspor-benchmark")
                .routingServers(new ServerAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1])))
                .build();
        connection = factory.connect("default");
    }

    /** The token of the last stored event (its global index, from 0); -1 while it holds none. */
    long head() throws InterruptedException, ExecutionException, TimeoutException {
        return connection.eventChannel().getLastToken().get(30, TimeUnit.SECONDS);
    }

    /** Every event of these aggregates, as Axon Server keeps them, in the order it stored them. */
    List<Event> eventsOf(Set<String> aggregateIds) throws Exception {
        long head = head();
        List<Event> events = new ArrayList<>();
        try (EventStream stream = connection.eventChannel().openStream(FROM_THE_FIRST, BUFFER)) {
            for (long token = -1; token < head; ) {
                EventWithToken next = stream.next();
                token = next.getToken();
                if (aggregateIds.contains(next.getEvent().getAggregateIdentifier())) {
                    events.add(next.getEvent());
                }
            }
        }
        return events;
    }

    /** Appends the events in one transaction, as Axon's event store appends a unit of work's events. */
    void append(List<Event> events) throws Exception {
        AppendEventsTransaction transaction = connection.eventChannel().startAppendEventsTransaction();
        events.forEach(transaction::appendEvent);
        transaction.commit().get(5, TimeUnit.MINUTES);
    }

    /**
     * Reads the whole event stream from its first event to the head, taking every event as the connector hands it
     * over (the protocol's messages decoded, the payload left as bytes): events/s, the median of {@code times}
     * reads. The counterpart of the raw read of PostgreSQL's event table.
     */
    Map<String, Object> rawRead(int times) throws Exception {
        long head = head();
        return Phases.timedReads(times, "payloadMegabytes", () -> {
            long events = 0;
            long bytes = 0;
            try (EventStream stream = connection.eventChannel().openStream(FROM_THE_FIRST, BUFFER)) {
                for (long token = -1; token < head; events++) {
                    EventWithToken next = stream.next();
                    token = next.getToken();
                    bytes += next.getEvent().getPayload().getData().size();
                }
            }
            return new Phases.Read(events, bytes);
        });
    }

    @Override
    public void close() {
        connection.disconnect();
        factory.shutdown();
    }
}
