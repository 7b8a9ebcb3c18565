package dk.tilsynsspor.query.eventstore;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor's read of the store is one query, where Axon's tracking stream made three for a read that found fewer
 * events than a batch: its query, a second from the last event found (empty at the head of the store), and its check
 * for a hole wider than a batch. Counted on PostgreSQL by the reading transaction's own table accesses
 * ({@code pg_stat_xact_user_tables}); the engine reads over one connection in one open transaction.
 */
class ReaderEngineTest {

    private static final int READ = 10;
    private static final Duration GAP_TIMEOUT = Duration.ofMinutes(5);

    private static EmbeddedPostgres postgres;
    private EventTableInATransaction table;
    private ReaderEngine engine;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void store() throws SQLException {
        table = new EventTableInATransaction(postgres);
        engine = ReaderEngine.of(table.engine(PlannedAsTheStoreIs.reads(JdbcEventStorageEngine.builder()), READ),
                GAP_TIMEOUT);
    }

    @AfterEach
    void close() throws SQLException {
        table.close();
    }

    private void append(long... indexes) {
        for (long index : indexes) {
            table.append(index, index);
        }
    }

    private long accesses() {
        return table.scans().total();
    }

    private static List<Object> payloads(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(TrackedEventMessage::getPayload).map(Object.class::cast).toList();
    }

    @Test
    void aReadThatFindsLessThanABatchIsOneQuery() {
        append(0, 1, 2, 3, 4);
        long before = accesses();

        List<? extends TrackedEventMessage<?>> read = engine.readOnce(null).toList();

        assertThat(payloads(read)).containsExactly("e0", "e1", "e2", "e3", "e4");
        assertThat(accesses() - before).isEqualTo(1);
    }

    @Test
    void axonsOwnStreamQueriesThreeTimesForTheSameRead() {
        append(0, 1, 2, 3, 4);
        long before = accesses();

        List<? extends TrackedEventMessage<?>> read = engine.readEvents(null, false).limit(READ).toList();

        assertThat(payloads(read)).containsExactly("e0", "e1", "e2", "e3", "e4");
        assertThat(accesses() - before).isEqualTo(3);
    }

    @Test
    void aReadFromAGapAwareTokenFindsWhatCommittedInItsGapsAndItsRange() {
        append(0, 1, 3, 4);
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(4, Set.of(2L));
        append(2, 5);

        assertThat(payloads(engine.readOnce(token).toList())).containsExactly("e2", "e5");
    }

    @Test
    void anEmptyReadBeforeAHoleWiderThanABatchStillFindsTheEventsBeyondIt() {
        append(0, 1, 500, 501);

        List<? extends TrackedEventMessage<?>> read = engine.readOnce(GapAwareTrackingToken.newInstance(1, Set.of()))
                .toList();

        assertThat(payloads(read)).containsExactly("e500");
    }

    /**
     * Each row becomes the event data and token Axon's own engine makes of it, for events recent enough that the
     * gaps before them are waited for and for events too old for that, from no token and from one.
     */
    @Test
    void eachRowBecomesTheEventDataAndTokenAxonsEngineMakes() throws SQLException {
        Instant now = Instant.now();
        appendAt(1, now.minus(Duration.ofHours(2))); // old: the gap before it is not waited for
        appendAt(3, now.minus(Duration.ofHours(1)));
        appendAt(6, now.minusSeconds(10)); // recent: the gaps before it are
        appendAt(7, now.minusMillis(1));
        appendAt(9, now.truncatedTo(ChronoUnit.SECONDS)); // stored without a fraction
        JdbcEventStorageEngine axons = table.engine(JdbcEventStorageEngine.builder(), READ)
                .gapTimeout((int) GAP_TIMEOUT.toMillis()).build();

        for (GapAwareTrackingToken from : new GapAwareTrackingToken[] {null, GapAwareTrackingToken.newInstance(1,
                Set.of())}) {
            List<? extends TrackedEventMessage<?>> ours = engine.readOnce(from).toList();
            List<? extends TrackedEventMessage<?>> theirs = axons.readEvents(from, false).limit(ours.size()).toList();
            assertThat(ours).isNotEmpty().hasSameSizeAs(theirs);
            for (int i = 0; i < ours.size(); i++) {
                assertThat(ours.get(i).trackingToken()).isEqualTo(theirs.get(i).trackingToken());
                assertThat(ours.get(i).getIdentifier()).isEqualTo(theirs.get(i).getIdentifier());
                assertThat(ours.get(i).getTimestamp()).isEqualTo(theirs.get(i).getTimestamp());
                assertThat(ours.get(i).getPayload()).isEqualTo(theirs.get(i).getPayload());
            }
        }
        // the recent events' gaps are kept, the old ones' not
        assertThat(((GapAwareTrackingToken) engine.readOnce(null).toList().get(4).trackingToken()).getGaps())
                .containsExactly(4L, 5L, 8L);
    }

    /** The stored time's seconds decide as Axon's parse of the whole text would, and other texts are parsed. */
    @Test
    void whetherAnEventIsRecentIsDecidedAsAxonsParseDecides() {
        Instant frame = Instant.parse("2026-12-03T10:59:27.500Z");
        List<String> texts = List.of("2026-12-03T10:59:27.140955241Z", "2026-12-03T10:59:27.500Z",
                "2026-12-03T10:59:27.500000001Z", "2026-12-03T10:59:27Z", "2026-12-03T10:59:28Z",
                "2026-12-03T10:59:26.999Z", "2025-12-31T23:59:59.9Z", "2027-01-01T00:00:00Z", "2024-02-29T12:00:00Z",
                "2026-12-03T12:59:27.6+02:00", "2026-12-03T11:59:28+01:00",
                DateTimeFormatter.ISO_INSTANT.format(frame.plusNanos(1)));
        for (String text : texts) {
            assertThat(ReaderEngine.recent(text, frame)).as(text)
                    .isEqualTo(DateTimeUtils.parseInstant(text).isAfter(frame));
        }
        assertThat(ReaderEngine.epochSecondOf("2026-12-03T10:59:27.140955241Z"))
                .isEqualTo(Instant.parse("2026-12-03T10:59:27Z").getEpochSecond());
        assertThat(ReaderEngine.epochSecondOf("2026-12-03T12:59:27.6+02:00")).isEqualTo(Long.MIN_VALUE);
        assertThat(ReaderEngine.epochSecondOf("2026-02-30T10:59:27Z")).isEqualTo(Long.MIN_VALUE);
    }

    private void appendAt(long index, Instant at) {
        table.jdbc().update("""
                INSERT INTO domain_event_entry VALUES (?, 'event-' || ?, 'order', ?, 'Order', ?, 'java.lang.String',
                       NULL, convert_to('"e' || ? || '"', 'UTF8'), convert_to('{}', 'UTF8'))""", index, index, index,
                DateTimeUtils.formatInstant(at), index);
    }
}
