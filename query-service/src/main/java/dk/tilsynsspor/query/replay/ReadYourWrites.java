package dk.tilsynsspor.query.replay;

import dk.tilsynsspor.query.eventstore.TokenPositions;
import dk.tilsynsspor.query.trail.EventTypes;
import dk.tilsynsspor.query.trail.OrderTrailProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * After a form's command is accepted, the page that follows should show it: wait (briefly) until the trail's read
 * model holds everything the event store held once the command was answered, which includes the command's events.
 * If it does not get there in time, the page is shown anyway and says so. An API client asks for the same wait with
 * {@code Prefer: read-your-writes} ({@link dk.tilsynsspor.query.web.ReadYourWritesPreference}), for every read model.
 *
 * <p>What a read model holds is read from its processor's committed tokens in the token table, every part's:
 * a part's token is stored in the transaction that stores its batch's rows, so a token past the head means the rows
 * are there, whichever instance projected them. (Asking this instance's processor instead saw only the parts it
 * owned: an instance that owned none, with one part per processor and several instances, waited out its patience
 * after every form, and one that owned some could miss a write projected by another, ADR 13 and 23.)
 *
 * <p>The events between a part's committed token and the head that the part takes nothing from are not waited for:
 * Axon's pooled processor stores the token of a batch it handles nothing of only when it next extends its claim,
 * seconds later. A part takes nothing from an event of a type its read model does not handle (a comment, a
 * measurement: the trail itself is read from the store, ADR 24), nor, where the work is split into parts (with Axon
 * Server, ADR 23), from an event of another part's sequence: the processor's sequencing policy (per aggregate) and
 * Axon's own rule ({@code segment.matches(hashCode(sequence))}) say whose it is.
 */
@Component
public class ReadYourWrites {

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(20);
    /** After this long a wait polls less often: a read model this far behind is not there in the next 20 ms. */
    private static final Duration POLL_QUICKLY = Duration.ofMillis(500);
    private static final Duration POLL_LATER = Duration.ofMillis(100);
    private static final long LOOKED_THROUGH_AT_MOST = 10_000;

    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String committedTokens;
    private final Duration patience;
    private final Supplier<Collection<String>> everyGroup;
    private final BiPredicate<String, String> handledType;
    private final BiFunction<String, String, Object> sequenceOf;
    private final Map<List<String>, Boolean> handled = new ConcurrentHashMap<>();

    /** A part of a processor's work, as its committed token row says: its segment id and how far it has come. */
    private record Part(int segment, long position) {
    }

    @Autowired
    ReadYourWrites(EventStore events, JdbcTemplate jdbc, Serializer serializer, TokenSchema tokens,
                   EventProcessingConfiguration processing) {
        this(events, jdbc, serializer, tokens, PATIENCE, () -> streamingGroups(processing),
                (group, payloadType) -> handledBy(processing, group, payloadType),
                (group, aggregateIdentifier) -> processing.sequencingPolicy(group).getSequenceIdentifierFor(
                        new GenericDomainEventMessage<>("", aggregateIdentifier, 0, aggregateIdentifier)));
    }

    /**
     * @param sequenceOf the sequence an event of the aggregate belongs to in the group's processor (null: none, and
     *                   Axon then takes the event's own identifier)
     */
    ReadYourWrites(EventStore events, JdbcTemplate jdbc, Serializer serializer, TokenSchema tokens,
                   Duration patience, Supplier<Collection<String>> everyGroup,
                   BiPredicate<String, String> handledType, BiFunction<String, String, Object> sequenceOf) {
        this.events = events;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.patience = patience;
        this.everyGroup = everyGroup;
        this.handledType = handledType;
        this.sequenceOf = sequenceOf;
        this.committedTokens = "SELECT " + tokens.segmentColumn() + ", " + tokens.tokenColumn() + ", "
                + tokens.tokenTypeColumn() + " FROM "
                + tokens.tokenTable() + " WHERE " + tokens.processorNameColumn() + " = ?";
    }

    /** True once the trail's read model holds everything stored before this call; false if it took too long. */
    public boolean awaitProjected() {
        return await(List.of(OrderTrailProjection.GROUP));
    }

    /** True once every read model of this service holds everything stored before this call; false if too long. */
    public boolean awaitEveryReadModel() {
        return await(List.copyOf(everyGroup.get()));
    }

    private boolean await(List<String> groups) {
        TrackingToken head = events.createHeadToken();
        if (head == null) {
            return true;
        }
        long started = System.nanoTime();
        long deadline = started + patience.toNanos();
        while (true) {
            if (groups.stream().allMatch(group -> projectedUpTo(group, head))) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(System.nanoTime() - started < POLL_QUICKLY.toNanos() ? POLL.toMillis()
                        : POLL_LATER.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Whether every part of the group's processor has, by its committed token, passed the head, or has before it
     * only events it takes nothing from. Positions, not {@code covers()}: a gap the projection waits for (an append
     * rolled back elsewhere) would make every form wait out its patience.
     */
    private boolean projectedUpTo(String group, TrackingToken head) {
        List<Part> parts = jdbc.query(committedTokens, (row, n) -> {
            byte[] serialized = row.getBytes(2);
            TrackingToken token = serialized == null ? null : serializer.deserialize(
                    new SimpleSerializedObject<>(serialized, byte[].class, row.getString(3), null));
            return new Part(row.getInt(1), TokenPositions.of(token));
        }, group);
        if (parts.isEmpty()) {
            return false;
        }
        long needed = head.position().orElse(Long.MAX_VALUE);
        List<Part> behind = parts.stream().filter(part -> part.position() < needed).toList();
        if (behind.isEmpty()) {
            return true;
        }
        long least = behind.stream().mapToLong(Part::position).min().orElseThrow();
        if (needed - least > LOOKED_THROUGH_AT_MOST) {
            return false;
        }
        int[] segmentIds = parts.stream().mapToInt(Part::segment).toArray();
        for (Part part : behind) {
            Segment segment = Segment.computeSegment(part.segment(), segmentIds);
            if (takesAnyBetween(group, segment, part.position(), needed)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the store holds an event after {@code after}, up to {@code upTo}, that the group's part takes: of a type
     * its read model handles, and (where the work is split) of its sequence. Asked only for a part at most
     * {@value #LOOKED_THROUGH_AT_MOST} events behind: one further behind (a rebuild) is waited for unread, so that a
     * wait asked for by any number of readers does not read that many rows every {@link #POLL}. The distinct types
     * (and aggregates) only: many events share them.
     */
    private boolean takesAnyBetween(String group, Segment segment, long after, long upTo) {
        if (segment.equals(Segment.ROOT_SEGMENT)) {
            return jdbc.queryForList("""
                    SELECT DISTINCT payloadType FROM events.domain_event_entry
                     WHERE globalIndex > ? AND globalIndex <= ?""", String.class, after, upTo).stream()
                    .anyMatch(type -> handles(group, type));
        }
        return jdbc.query("""
                SELECT DISTINCT payloadType, aggregateIdentifier FROM events.domain_event_entry
                 WHERE globalIndex > ? AND globalIndex <= ?""", (row, n) -> handles(group, row.getString(1))
                && ownedBy(group, segment, row.getString(2)), after, upTo).contains(true);
    }

    private boolean handles(String group, String payloadType) {
        return handled.computeIfAbsent(List.of(group, payloadType), key -> handledType.test(group, payloadType));
    }

    /**
     * Whether an event of the aggregate is the part's, as Axon decides: the hash of its sequence. An event the
     * policy gives no sequence (Axon then takes the event's own identifier), or of no aggregate, may be any part's.
     */
    private boolean ownedBy(String group, Segment segment, String aggregateIdentifier) {
        Object sequence = aggregateIdentifier == null ? null : sequenceOf.apply(group, aggregateIdentifier);
        return sequence == null || segment.matches(Objects.hashCode(sequence));
    }

    /** The processing groups whose processors keep tokens: the read models of this service. */
    private static List<String> streamingGroups(EventProcessingConfiguration processing) {
        return processing.eventProcessors().entrySet().stream()
                .filter(processor -> processor.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Whether the group's processor handles events of the stored type; one it cannot tell is waited for. */
    private static boolean handledBy(EventProcessingConfiguration processing, String group, String payloadType) {
        try {
            Class<?> type = EventTypes.of(payloadType);
            return processing.eventProcessor(group, AbstractEventProcessor.class)
                    .map(processor -> processor.eventHandlerInvoker().canHandleType(type)).orElse(true);
        } catch (IllegalStateException unknownType) {
            return true;
        }
    }
}
