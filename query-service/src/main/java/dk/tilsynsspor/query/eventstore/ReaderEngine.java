package dk.tilsynsspor.query.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.axonframework.eventhandling.EventUtils.upcastAndDeserializeTrackedEvents;

/**
 * Axon's JDBC storage engine as query-service's processors read it: a read is one query.
 *
 * <p>Axon's own tracking stream never takes a short batch for the last one: after the rows of its query it queries
 * again from the last of them, and that query, empty at the head of the store, is followed by a third (the lowest
 * global index after the token, Axon's check for a hole wider than a batch). Each in a transaction of its own. A
 * processor at the head of a busy store therefore spent three queries and two transactions on every read that found
 * something. {@link #readOnce} makes the first query only and leaves the decision to read on to the caller
 * ({@link NotifiedEventStream}), which knows whether anything was appended meanwhile. Its rows, gaps and tokens are
 * Axon's; an empty read still makes Axon's check for a wide hole.
 *
 * <p>Each row becomes Axon's event data as in Axon's engine ({@link #getTrackedEventData}), except that whether
 * the event is recent enough for the gaps before it to be waited for is decided from the stored time's text where
 * its seconds decide it, without parsing it into an instant: that parse was a third of a rebuild's reading thread.
 * The event's time is parsed, as before, when a handler asks for it.
 */
final class ReaderEngine extends JdbcEventStorageEngine {

    /** Axon's defaults, set on the builder and used here alike. */
    static final int MAX_GAP_OFFSET = 10_000;
    static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final Duration gapTimeout;

    private ReaderEngine(JdbcEventStorageEngine.Builder builder, Duration gapTimeout) {
        super(builder);
        this.gapTimeout = gapTimeout;
    }

    static ReaderEngine of(JdbcEventStorageEngine.Builder builder, Duration gapTimeout) {
        return new ReaderEngine(builder.maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .gapTimeout((int) gapTimeout.toMillis()), gapTimeout);
    }

    /** As Axon's engine makes it (version 4.13), with {@link #recent} deciding whether gaps are waited for. */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        String timestamp = resultSet.getString(schema.timestampColumn());
        GenericDomainEventEntry<?> domainEvent = new GenericDomainEventEntry<>(
                resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                timestamp,
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
        boolean allowGaps = recent(timestamp, GenericEventMessage.clock.instant().minus(gapTimeout));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                    .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, domainEvent);
    }

    /**
     * Whether the stored time {@code timestamp} is after {@code frame}. Axon stores times as ISO-8601 instants in UTC
     * ({@code 2026-12-03T10:59:27.140955241Z}); where the whole seconds differ they decide, read from the text's
     * digits. Otherwise, or for a text of another form, the text is parsed as Axon parses it.
     */
    static boolean recent(String timestamp, Instant frame) {
        long seconds = epochSecondOf(timestamp);
        if (seconds != Long.MIN_VALUE && seconds != frame.getEpochSecond()) {
            return seconds > frame.getEpochSecond();
        }
        return DateTimeUtils.parseInstant(timestamp).isAfter(frame);
    }

    /** The whole seconds of a text that starts {@code yyyy-MM-ddTHH:mm:ss} and ends in {@code Z}; else MIN_VALUE. */
    static long epochSecondOf(String text) {
        if (text.length() < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(text.length() - 1) != 'Z'
                || (text.length() > 20 && text.charAt(19) != '.')) {
            return Long.MIN_VALUE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        return LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second;
    }

    /** The number the {@code count} decimal digits at {@code from} spell; -1 if any is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The events after {@code token} that one query finds: those in the next {@link #batchSize()} global indexes, and
     * those in the token's gaps that were committed since. Fewer than a batch means the store had no more in that
     * range when it was read.
     */
    Stream<? extends TrackedEventMessage<?>> readOnce(TrackingToken token) {
        return upcastAndDeserializeTrackedEvents(fetchTrackedEvents(token, batchSize()).stream(), getEventSerializer(),
                upcasterChain);
    }
}
