package dk.tilsynsspor.query.integrity;

import com.google.protobuf.ByteString;
import dk.tilsynsspor.platform.events.AxonServerCopies;
import io.axoniq.axonserver.connector.event.AggregateEventStream;
import io.axoniq.axonserver.connector.event.EventChannel;
import io.axoniq.axonserver.grpc.SerializedObject;
import io.axoniq.axonserver.grpc.event.Event;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * With Axon Server, a verification compares each linked row with Axon Server's own copy, reading one stream per
 * aggregate along the chain instead of a request per event; a changed row, a sequence Axon Server lacks and a link
 * asked for behind the stream's place are each answered as reading that one event would answer them.
 */
class EngineCopiesTest {

    private static final long MOMENT = 1_796_000_000_000L;

    private final Map<String, List<Event>> stored = Map.of(
            "order", events("order", 0, 300), "case", events("case", 0, 5),
            "gapped", concat(events("gapped", 0, 2), events("gapped", 3, 4)));
    private final List<FakeStream> opened = new ArrayList<>();
    private final EventChannel channel = mock(EventChannel.class);

    EngineCopiesTest() {
        when(channel.openAggregateStream(anyString(), anyLong())).thenAnswer(call -> {
            String aggregateId = call.getArgument(0);
            long from = call.getArgument(1);
            FakeStream stream = new FakeStream(aggregateId, stored.get(aggregateId).stream()
                    .filter(event -> event.getAggregateSequenceNumber() >= from).toList());
            opened.add(stream);
            return stream;
        });
    }

    @Test
    void aLongOrderIsComparedAlongOneStreamPerAggregate() throws SQLException {
        try (EngineCopies.Comparison comparison = EngineCopies.AxonServerOwnCopies.alongAggregateStreams(channel)) {
            for (int sequence = 0; sequence < 300; sequence++) {
                assertThat(comparison.matches(row("order", sequence, "payload"))).as("order #%d", sequence).isTrue();
                if (sequence % 60 == 0) {
                    assertThat(comparison.matches(row("case", sequence / 60, "payload"))).isTrue();
                }
            }
        }
        assertThat(opened).extracting(stream -> stream.aggregateId).containsExactly("order", "case");
        assertThat(opened).allMatch(stream -> stream.cancelled.get() == 1);
    }

    @Test
    void aChangedRowDoesNotMatchAndTheNextStillDoes() throws SQLException {
        try (EngineCopies.Comparison comparison = EngineCopies.AxonServerOwnCopies.alongAggregateStreams(channel)) {
            assertThat(comparison.matches(row("order", 0, "payload"))).isTrue();
            assertThat(comparison.matches(row("order", 1, "changed"))).isFalse();
            assertThat(comparison.matches(row("order", 2, "payload"))).isTrue();
        }
        assertThat(opened).hasSize(1);
    }

    @Test
    void aSequenceAxonServerDoesNotHaveDoesNotMatchAndTheStreamGoesOn() throws SQLException {
        try (EngineCopies.Comparison comparison = EngineCopies.AxonServerOwnCopies.alongAggregateStreams(channel)) {
            assertThat(comparison.matches(row("case", 1, "payload"))).isTrue();
            assertThat(comparison.matches(row("case", 9, "payload"))).as("past the aggregate's last event").isFalse();
            assertThat(comparison.matches(row("order", 3, "payload"))).isTrue();
            assertThat(comparison.matches(row("order", 3, "payload"))).as("asked again, behind the stream").isTrue();
            assertThat(comparison.matches(row("order", 7, "payload"))).as("events skipped").isTrue();
            assertThat(comparison.matches(row("order", 5, "payload"))).as("a link moved back").isTrue();
            assertThat(comparison.matches(row("gapped", 1, "payload"))).isTrue();
            assertThat(comparison.matches(row("gapped", 2, "payload"))).as("missing in Axon Server").isFalse();
            assertThat(comparison.matches(row("gapped", 3, "payload"))).as("the event after the gap").isTrue();
        }
        assertThat(opened).extracting(stream -> stream.aggregateId)
                .containsExactly("case", "order", "order", "order", "gapped");
        assertThat(opened).allMatch(stream -> stream.cancelled.get() == 1);
    }

    private static List<Event> events(String aggregateId, int from, int to) {
        List<Event> events = new ArrayList<>();
        for (int sequence = from; sequence < to; sequence++) {
            events.add(Event.newBuilder().setAggregateIdentifier(aggregateId).setAggregateSequenceNumber(sequence)
                    .setMessageIdentifier(aggregateId + "-" + sequence).setTimestamp(MOMENT + sequence)
                    .setPayload(SerializedObject.newBuilder().setType("dk.tilsynsspor.Example")
                            .setData(ByteString.copyFrom(payload(aggregateId, sequence, "payload"))))
                    .build());
        }
        return events;
    }

    private static List<Event> concat(List<Event> first, List<Event> second) {
        List<Event> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static byte[] payload(String aggregateId, long sequence, String text) {
        return ("{\"" + aggregateId + "\":" + sequence + ",\"text\":\"" + text + "\"}").getBytes(UTF_8);
    }

    /** A linked row of the chain's mirror, as Axon Server's event would be written to it; its payload's text. */
    private static ResultSet row(String aggregateId, long sequence, String text) throws SQLException {
        ResultSet row = mock(ResultSet.class);
        when(row.getString("aggregateIdentifier")).thenReturn(aggregateId);
        when(row.getLong("sequenceNumber")).thenReturn(sequence);
        when(row.getString("eventIdentifier")).thenReturn(aggregateId + "-" + sequence);
        when(row.getString("payloadType")).thenReturn("dk.tilsynsspor.Example");
        when(row.getString("timeStamp")).thenReturn(DateTimeUtils.formatInstant(Instant.ofEpochMilli(
                MOMENT + sequence)));
        when(row.getBytes("payload")).thenReturn(payload(aggregateId, sequence, text));
        when(row.getBytes("metaData")).thenReturn(AxonServerCopies.metaData(Map.of()));
        return row;
    }

    /** An aggregate's events from a sequence on, as Axon Server streams them; counts its cancellations. */
    private static final class FakeStream implements AggregateEventStream {

        private final String aggregateId;
        private final List<Event> events;
        private final AtomicInteger cancelled = new AtomicInteger();
        private int next;

        FakeStream(String aggregateId, List<Event> events) {
            this.aggregateId = aggregateId;
            this.events = events;
        }

        @Override
        public Event next() {
            return events.get(next++);
        }

        @Override
        public boolean hasNext() {
            return cancelled.get() == 0 && next < events.size();
        }

        @Override
        public void cancel() {
            cancelled.incrementAndGet();
        }
    }
}
