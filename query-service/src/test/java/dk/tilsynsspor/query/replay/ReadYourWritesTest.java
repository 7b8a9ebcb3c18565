package dk.tilsynsspor.query.replay;

import dk.tilsynsspor.query.trail.OrderTrailProjection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A page waits until the trail's read model holds what the event store held after its command: judged by the
 * processor's committed tokens of every part, whichever instance owns them, so an instance that projects nothing
 * itself does not wait in vain, and one that projects some parts does not miss the others.
 */
class ReadYourWritesTest {

    private static final TokenSchema SCHEMA = TokenSchema.builder().setTokenTable("token_entry").build();
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    private static final String NOTIFICATIONS = "notifications";

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final EventStore events = mock(EventStore.class);
    private JdbcTokenStore anotherInstance;
    private ReadYourWrites readYourWrites;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void tokens() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("DROP TABLE IF EXISTS token_entry");
        jdbc.execute("""
                CREATE TABLE token_entry (processorName VARCHAR(255) NOT NULL, segment INTEGER NOT NULL, token BYTEA,
                    tokenType VARCHAR(255), timestamp VARCHAR(255), owner VARCHAR(255),
                    PRIMARY KEY (processorName, segment))""");
        // the tokens as a processor of another instance stores them: this instance's processor owns no part
        anotherInstance = JdbcTokenStore.builder().connectionProvider(new DataSourceConnectionProvider(dataSource))
                .serializer(SERIALIZER).schema(SCHEMA).nodeId("another-instance").build();
        readYourWrites = new ReadYourWrites(events, jdbc, SERIALIZER, SCHEMA, Duration.ofMillis(300),
                () -> List.of(OrderTrailProjection.GROUP, NOTIFICATIONS),
                (group, payloadType) -> payloadType.startsWith("handled.")
                        || group.equals(NOTIFICATIONS) && payloadType.startsWith("notified."),
                (group, aggregateIdentifier) -> aggregateIdentifier); // per aggregate, as Axon's default policy
        // the store up to the head (7): events of a type the trail's read model takes
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS events");
        jdbc.execute("DROP TABLE IF EXISTS events.domain_event_entry");
        jdbc.execute("""
                CREATE TABLE events.domain_event_entry (globalIndex BIGINT PRIMARY KEY, payloadType TEXT,
                    aggregateIdentifier TEXT)""");
        for (int index = 1; index <= 7; index++) {
            stored(index, "handled.Event");
        }
        when(events.createHeadToken()).thenReturn(GapAwareTrackingToken.newInstance(7, Set.of()));
    }

    private void stored(long globalIndex, String payloadType) {
        stored(globalIndex, payloadType, aggregateIn(1, 2)); // of the second of two parts: of the one of one too
    }

    private void stored(long globalIndex, String payloadType, String aggregateIdentifier) {
        new JdbcTemplate(dataSource).update("""
                INSERT INTO events.domain_event_entry (globalIndex, payloadType, aggregateIdentifier) VALUES (?, ?, ?)
                ON CONFLICT (globalIndex) DO UPDATE SET payloadType = excluded.payloadType,
                    aggregateIdentifier = excluded.aggregateIdentifier""", globalIndex, payloadType,
                aggregateIdentifier);
    }

    /** An aggregate whose events Axon gives to part {@code segment} of {@code parts}. */
    private static String aggregateIn(int segment, int parts) {
        int[] ids = java.util.stream.IntStream.range(0, parts).toArray();
        Segment part = Segment.computeSegment(segment, ids);
        for (int n = 0; ; n++) {
            if (part.matches(Objects.hashCode("order-" + n))) {
                return "order-" + n;
            }
        }
    }

    private void committed(int segment, long position) {
        committed(OrderTrailProjection.GROUP, segment, position);
    }

    private void committed(String group, int segment, long position) {
        anotherInstance.storeToken(GapAwareTrackingToken.newInstance(position, Set.of()), group, segment);
    }

    @Test
    void oncePartsProjectedByAnotherInstanceHavePassedTheHeadThePageGoesOn() {
        anotherInstance.initializeTokenSegments(OrderTrailProjection.GROUP, 2,
                GapAwareTrackingToken.newInstance(0, Set.of()));
        committed(0, 7);
        committed(1, 9);

        assertThat(readYourWrites.awaitProjected()).isTrue();
    }

    @Test
    void aPartBehindTheHeadKeepsThePageWaitingUntilItsPatienceEnds() {
        anotherInstance.initializeTokenSegments(OrderTrailProjection.GROUP, 2,
                GapAwareTrackingToken.newInstance(0, Set.of()));
        committed(0, 9);
        committed(1, 6);

        assertThat(readYourWrites.awaitProjected()).isFalse();
    }

    @Test
    void eventsTheTrailsReadModelTakesNothingFromAreNotWaitedFor() {
        anotherInstance.initializeTokenSegments(OrderTrailProjection.GROUP, 1,
                GapAwareTrackingToken.newInstance(5, Set.of()));
        stored(6, "other.Comment");
        stored(7, "other.Measurement");

        assertThat(readYourWrites.awaitProjected()).isTrue();
    }

    @Test
    void oneEventItTakesAmongOthersKeepsThePageWaiting() {
        anotherInstance.initializeTokenSegments(OrderTrailProjection.GROUP, 1,
                GapAwareTrackingToken.newInstance(5, Set.of()));
        stored(6, "other.Comment");

        assertThat(readYourWrites.awaitProjected()).isFalse();
    }

    @Test
    void aProcessorWithNoTokensYetHasProjectedNothing() {
        anotherInstance.initializeTokenSegments(NOTIFICATIONS, 1, GapAwareTrackingToken.newInstance(9, Set.of()));

        assertThat(readYourWrites.awaitProjected()).isFalse();
    }

    @Test
    void aReadAskingForItsWritesWaitsForEveryReadModelNotOnlyTheTrails() {
        anotherInstance.initializeTokenSegments(OrderTrailProjection.GROUP, 1,
                GapAwareTrackingToken.newInstance(7, Set.of()));
        anotherInstance.initializeTokenSegments(NOTIFICATIONS, 2, GapAwareTrackingToken.newInstance(7, Set.of()));
        committed(NOTIFICATIONS, 1, 6);

        assertThat(readYourWrites.awaitProjected()).as("the trail's read model is there").isTrue();
        assertThat(readYourWrites.awaitEveryReadModel()).as("a part of the notifications' is not").isFalse();

        committed(NOTIFICATIONS, 1, 7);
        assertThat(readYourWrites.awaitEveryReadModel()).isTrue();
    }

    @Test
    void whatEachReadModelTakesIsJudgedByItsOwnProcessor() {
        anotherInstance.initializeTokenSegments(OrderTrailProjection.GROUP, 1,
                GapAwareTrackingToken.newInstance(5, Set.of()));
        anotherInstance.initializeTokenSegments(NOTIFICATIONS, 1, GapAwareTrackingToken.newInstance(5, Set.of()));
        stored(6, "other.Comment");
        stored(7, "notified.Reminder");

        assertThat(readYourWrites.awaitProjected()).as("the trail's read model takes neither").isTrue();
        assertThat(readYourWrites.awaitEveryReadModel()).as("the notifications' takes the reminder").isFalse();
    }

    @Test
    void aReadModelFarBehindIsWaitedForWithoutReadingWhatItHasStillToTake() {
        long head = 7 + 20_000;
        when(events.createHeadToken()).thenReturn(GapAwareTrackingToken.newInstance(head, Set.of()));
        anotherInstance.initializeTokenSegments(OrderTrailProjection.GROUP, 1,
                GapAwareTrackingToken.newInstance(7, Set.of()));

        // nothing stored after 7 is a type it takes, yet 20,000 events behind (a rebuild) it is not looked through
        assertThat(readYourWrites.awaitProjected()).isFalse();

        committed(0, head - 10);
        assertThat(readYourWrites.awaitProjected()).as("ten behind, of nothing it takes").isTrue();
    }

    /**
     * With the work split into parts (Axon Server, ADR 23), a part stores its token only when it handles a batch or
     * extends its claim: a part whose events are all another part's stays behind for seconds, having nothing to do.
     */
    @Test
    void aPartBehindOnlyOnEventsOfAnotherPartsSequenceHasNothingToWaitFor() {
        anotherInstance.initializeTokenSegments(OrderTrailProjection.GROUP, 4,
                GapAwareTrackingToken.newInstance(5, Set.of()));
        stored(6, "handled.Event", aggregateIn(2, 4));
        stored(7, "handled.Event", aggregateIn(2, 4));
        committed(2, 7);

        assertThat(readYourWrites.awaitProjected()).as("parts 0, 1 and 3 have nothing of 6 and 7 to take").isTrue();

        stored(7, "handled.Event", aggregateIn(3, 4));
        assertThat(readYourWrites.awaitProjected()).as("part 3 has 7 to take").isFalse();
        committed(3, 7);
        assertThat(readYourWrites.awaitProjected()).isTrue();
    }

    @Test
    void anEmptyStoreNeedsNoWait() {
        when(events.createHeadToken()).thenReturn(null);

        assertThat(readYourWrites.awaitProjected()).isTrue();
    }
}
