package dk.tilsynsspor.query.replay;

import dk.tilsynsspor.query.eventstore.TokenPositions;
import dk.tilsynsspor.query.trail.OrderTrailProjection;
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

    @Autowired
    ReadYourWrites(EventStore events, JdbcTemplate jdbc, Serializer serializer, TokenSchema tokens) {
        this(events, jdbc, serializer, tokens, PATIENCE);
    }

    ReadYourWrites(EventStore events, JdbcTemplate jdbc, Serializer serializer, TokenSchema tokens,
                   Duration patience) {
        this.events = events;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.patience = patience;
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
        return !parts.isEmpty() && parts.stream().allMatch(position -> position >= needed);
    }
}
