package dk.tilsynsspor.query.replay;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** What a rebuild claims before it runs; the replay itself runs end to end in ReadModelsIT and PoisonEventIT. */
class BulkReplayTest {

    @Test
    @SuppressWarnings("unchecked")
    void aProcessorWithNoPartsYetIsLeftToReadTheStoreItselfAndTakesNothingFromTheSharedRead() throws Exception {
        TokenStore tokens = mock(TokenStore.class);
        when(tokens.fetchSegments("order-trail")).thenReturn(new int[0]); // a store no processor has read yet
        PooledStreamingEventProcessor processor = mock(PooledStreamingEventProcessor.class);
        BulkReplay bulk = new BulkReplay("order-trail", processor,
                mock(StreamableMessageSource.class), tokens, NoTransactionManager.INSTANCE,
                RollbackConfigurationType.ANY_THROWABLE, 1_000);
        SharedRead shared = new SharedRead(mock(StreamableMessageSource.class), 1_000);
        SharedRead.Feed feed = shared.feed();

        Runnable replay = bulk.claim(mock(TokenStore.class), feed);

        assertThat(bulk.holding()).isFalse();
        assertThat(bulk.start()).isNull();
        replay.run();
        verifyNoInteractions(processor); // nothing to hand back: the processor makes its parts as it starts
    }

    @Test
    void theEarliestOfSeveralPositionsIsTheLowestAndAnyAtTheBeginningMakesItTheBeginning() {
        assertThat(BulkReplay.earliest(List.of(new GlobalSequenceTrackingToken(7), new GlobalSequenceTrackingToken(3))))
                .isEqualTo(new GlobalSequenceTrackingToken(3));
        assertThat(BulkReplay.earliest(Arrays.asList(new GlobalSequenceTrackingToken(7), null))).isNull();
        assertThat(BulkReplay.earliest(List.of())).isNull();
    }

    /** A part's copy of an event is the same event with the part's token, and reads the event's time only if asked. */
    @Test
    void aPartsCopyOfAnEventIsTheSameEventWithItsTokenAndLeavesItsTimeUnreadUntilAsked() {
        Instant at = Instant.parse("2026-12-03T10:59:27.140955241Z");
        AtomicInteger timeRead = new AtomicInteger();
        TrackedEventMessage<?> event = new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(9),
                "Order", "order-1", 4, new GenericMessage<>("event-1", "payload", MetaData.with("actor", "a")), () -> {
                    timeRead.incrementAndGet(); // as an event read from the store parses its stored time
                    return at;
                });
        GlobalSequenceTrackingToken partsToken = new GlobalSequenceTrackingToken(10);

        TrackedEventMessage<?> copy = BulkReplay.withToken(event, partsToken);
        TrackedEventMessage<?> otherPartsCopy = BulkReplay.withToken(event, new GlobalSequenceTrackingToken(11));

        assertThat(timeRead).hasValue(0); // not read for the copies (Axon's withTrackingToken reads it)
        assertThat(copy.getTimestamp()).isEqualTo(at);
        assertThat(otherPartsCopy.getTimestamp()).isEqualTo(at);
        assertThat(timeRead).hasValue(1); // once for all copies
        assertThat(copy.trackingToken()).isEqualTo(partsToken);
        assertThat(copy.getIdentifier()).isEqualTo("event-1");
        assertThat(copy.getPayload()).isEqualTo("payload");
        assertThat(copy.getMetaData()).isEqualTo(MetaData.with("actor", "a"));
        DomainEventMessage<?> domainCopy = (DomainEventMessage<?>) copy;
        assertThat(domainCopy.getAggregateIdentifier()).isEqualTo("order-1");
        assertThat(domainCopy.getSequenceNumber()).isEqualTo(4);
        assertThat(domainCopy.getType()).isEqualTo("Order");
    }
}
