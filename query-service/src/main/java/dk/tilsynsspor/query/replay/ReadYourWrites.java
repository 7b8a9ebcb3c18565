package dk.tilsynsspor.query.replay;

import dk.tilsynsspor.query.eventstore.TokenPositions;
import dk.tilsynsspor.query.trail.EventTypes;
import dk.tilsynsspor.query.trail.OrderTrailProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * After a form's command is accepted, the page that follows should show it: wait (briefly) until the trail's read
 * model holds everything the event store held once the command was answered, which includes the command's events.
 * If it does not get there in time, the page is shown anyway and says so.
 *
 * <p>What the read model holds is read from the trail processor's committed tokens in the token table, every part's:
 * a part's token is stored in the transaction that stores its batch's rows, so a token past the head means the rows
 * are there, whichever instance projected them. (Asking this instance's processor instead saw only the parts it
 * owned: an instance that owned none, with one part per processor and several instances, waited out its patience
 * after every form, and one that owned some could miss a write projected by another, ADR 13 and 23.)
 *
 * <p>The events between the committed tokens and the head that the trail's read model takes nothing from (a comment,
 * a measurement: the trail itself is read from the store, ADR 24) are not waited for: Axon's pooled processor stores
 * the token of a batch it handles nothing of only when it next extends its claim, seconds later.
 */
@Component
public class ReadYourWrites {

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(20);

    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String committedTokens;
    private final Duration patience;
    private final Predicate<String> handledType;
    private final Map<String, Boolean> handled = new ConcurrentHashMap<>();

    @Autowired
    ReadYourWrites(EventStore events, JdbcTemplate jdbc, Serializer serializer, TokenSchema tokens,
                   EventProcessingConfiguration processing) {
        this(events, jdbc, serializer, tokens, PATIENCE, payloadType -> handledByTrail(processing, payloadType));
    }

    ReadYourWrites(EventStore events, JdbcTemplate jdbc, Serializer serializer, TokenSchema tokens,
                   Duration patience, Predicate<String> handledType) {
        this.events = events;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.patience = patience;
        this.handledType = handledType;
        this.committedTokens = "SELECT " + tokens.tokenColumn() + ", " + tokens.tokenTypeColumn() + " FROM "
                + tokens.tokenTable() + " WHERE " + tokens.processorNameColumn() + " = ?";
    }

    /** True once the read model holds everything stored before this call; false if it took too long. */
    public boolean awaitProjected() {
        TrackingToken head = events.createHeadToken();
        if (head == null) {
            return true;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            if (projectedUpTo(head)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Whether every part's committed token is at or past the head. Positions, not {@code covers()}: a gap the
     * projection waits for (an append rolled back elsewhere) would make every form wait out its patience.
     */
    private boolean projectedUpTo(TrackingToken head) {
        List<Long> parts = jdbc.query(committedTokens, (row, n) -> {
            byte[] serialized = row.getBytes(1);
            TrackingToken token = serialized == null ? null : serializer.deserialize(
                    new SimpleSerializedObject<>(serialized, byte[].class, row.getString(2), null));
            return TokenPositions.of(token);
        }, OrderTrailProjection.GROUP);
        long needed = head.position().orElse(Long.MAX_VALUE);
        if (parts.isEmpty()) {
            return false;
        }
        long least = parts.stream().mapToLong(Long::longValue).min().orElseThrow();
        return least >= needed || !handledBetween(least, needed);
    }

    /** Whether the store holds an event the trail's read model takes after {@code after}, up to {@code upTo}. */
    private boolean handledBetween(long after, long upTo) {
        return jdbc.queryForList("""
                SELECT DISTINCT payloadType FROM events.domain_event_entry
                 WHERE globalIndex > ? AND globalIndex <= ?""", String.class, after, upTo).stream()
                .anyMatch(type -> handled.computeIfAbsent(type, handledType::test));
    }

    /** Whether the trail's processor handles events of the stored type; one it cannot tell is waited for. */
    private static boolean handledByTrail(EventProcessingConfiguration processing, String payloadType) {
        try {
            Class<?> type = EventTypes.of(payloadType);
            return processing.eventProcessor(OrderTrailProjection.GROUP, AbstractEventProcessor.class)
                    .map(processor -> processor.eventHandlerInvoker().canHandleType(type)).orElse(true);
        } catch (IllegalStateException unknownType) {
            return true;
        }
    }
}
