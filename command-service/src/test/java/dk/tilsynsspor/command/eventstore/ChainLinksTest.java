package dk.tilsynsspor.command.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** A command's answer waits for its events' links with Axon Server, and only there (ChainLinks' class doc). */
@Timeout(60)
class ChainLinksTest {

    record Measure(@TargetAggregateIdentifier String orderId) {
    }

    private static final String MIRRORED = "SELECT max(sequenceNumber) FROM events.domain_event_entry"
            + " WHERE aggregateIdentifier = ?";

    private final EventStore eventStore = mock(EventStore.class);
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final MirrorProgress mirror = new MirrorProgress();
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage(new Measure("order-1"));
    /** An answer that does not tell its aggregate's last sequence number (the command appended nothing to it). */
    private final CommandResultMessage<?> silent = GenericCommandResultMessage.asCommandResultMessage("ok");

    @BeforeEach
    void storedUpToFour() {
        when(eventStore.lastSequenceNumberFor("order-1")).thenReturn(Optional.of(4L));
    }

    private ChainLinks links(boolean onAxonServer, Duration wait) {
        return new ChainLinks(onAxonServer, eventStore, jdbc, mirror, wait);
    }

    private static CommandResultMessage<?> answerAt(long sequence) {
        return GenericCommandResultMessage.asCommandResultMessage("ok")
                .andMetaData(Map.of(AnsweredSequences.LAST_SEQUENCE, sequence));
    }

    @Test
    void anAnswerThatTellsItsSequenceIsWaitedForWithoutAskingAxonServer() {
        when(jdbc.queryForObject(MIRRORED, Long.class, "order-1")).thenReturn(5L);

        links(true, Duration.ofDays(1)).awaitLinked(command, answerAt(5));

        verify(eventStore, never()).lastSequenceNumberFor("order-1");
        verify(jdbc).queryForObject(MIRRORED, Long.class, "order-1");
    }

    @Test
    void withPostgreSqlNothingIsWaitedFor() {
        links(false, Duration.ofSeconds(10)).awaitLinked(command, silent);

        verifyNoInteractions(eventStore, jdbc);
    }

    @Test
    void theMirrorHereReleasesTheAnswerWithoutAskingAxonServerOrReadingItsTable() throws InterruptedException {
        mirror.linked(Map.of("order-0", 0L)); // the mirror runs here
        Thread copying = new Thread(() -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
            mirror.linked(Map.of("order-1", 3L));
            mirror.linked(Map.of("order-1", 4L));
        });
        copying.start();

        links(true, Duration.ofDays(1)).awaitLinked(command, answerAt(4));

        assertThat(mirror.linked("order-1", 4)).isTrue();
        verify(eventStore, never()).lastSequenceNumberFor("order-1");
        verifyNoInteractions(jdbc);
        copying.join();
    }

    @Test
    void withTheMirrorElsewhereItsTableIsReadUntilItHasTheEvents() {
        AtomicLong mirrored = new AtomicLong(1);
        when(jdbc.queryForObject(MIRRORED, Long.class, "order-1")).thenAnswer(call -> mirrored.incrementAndGet());

        links(true, Duration.ofDays(1)).awaitLinked(command, silent);

        assertThat(mirrored).hasValue(4);
    }

    @Test
    void anAggregateAxonServerDoesNotKnowIsNotWaitedFor() {
        when(eventStore.lastSequenceNumberFor("order-1")).thenReturn(Optional.empty());

        links(true, Duration.ofDays(1)).awaitLinked(command, silent);

        verifyNoInteractions(jdbc);
    }

    @Test
    void theAnswerIsGivenAfterTheWaitEvenIfTheMirrorLags() {
        when(jdbc.queryForObject(MIRRORED, Long.class, "order-1")).thenReturn(1L);

        links(true, Duration.ofMillis(30)).awaitLinked(command, silent);

        verify(jdbc, atLeast(1)).queryForObject(MIRRORED, Long.class, "order-1");
    }
}
