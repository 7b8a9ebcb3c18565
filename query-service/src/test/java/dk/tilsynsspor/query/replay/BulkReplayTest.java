package dk.tilsynsspor.query.replay;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * What a rebuild claims before it runs, and to which invokers it hands each event; the replay itself runs end to end
 * in ReadModelsIT and PoisonEventIT.
 */
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

    /**
     * The rebuild hands each event to the processor's invokers as the processor would: an invoker that takes no part
     * in resets gets only the events after the point of the reset, one whose handler takes texts gets every text,
     * replayed or not, and no other event; the tokens move over every event, handled or not.
     */
    @Test
    void replayedEventsGoOnlyToInvokersThatTakeResetsAndEachEventOnlyToHandlersOfItsType() throws Exception {
        Texts replaying = new Texts();
        Live live = new Live();
        MultiEventHandlerInvoker invoker = new MultiEventHandlerInvoker(
                SimpleEventHandlerInvoker.builder().eventHandlers(replaying).build(),
                SimpleEventHandlerInvoker.builder().eventHandlers(live).build());
        PooledStreamingEventProcessor processor = mock(PooledStreamingEventProcessor.class);
        when(processor.eventHandlerInvoker()).thenReturn(invoker);
        when(processor.getHandlerInterceptors()).thenReturn(List.of());
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        // reset when the store's head was event 2: events 0 to 2 are replayed, 3 and 4 are new
        tokens.initializeTokenSegments("texts", 1,
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(2), null));
        List<TrackedEventMessage<?>> events = List.of(event(0, "a"), event(1, 7), event(2, "b"), event(3, "c"),
                event(4, 8));
        Store store = new Store(events, -1);
        BulkReplay bulk = new BulkReplay("texts", processor, store, tokens, NoTransactionManager.INSTANCE,
                RollbackConfigurationType.ANY_THROWABLE, 1_000);
        SharedRead shared = new SharedRead(store, 1_000);

        Runnable replay = bulk.claim(tokens, shared.feed());
        Thread read = new Thread(() -> shared.run(bulk.start(), 4));
        read.start();
        replay.run();
        read.join();

        assertThat(replaying.seen).containsExactly("a", "b", "c");
        assertThat(live.seen).containsExactly("c", 8);
        assertThat(bulk.position()).isEqualTo(4);
        assertThat(tokens.fetchToken("texts", 0).position()).hasValue(4L);
    }

    private static TrackedEventMessage<?> event(long index, Object payload) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                GenericEventMessage.asEventMessage(payload));
    }

    /** A read model's handler of texts, replayed in a rebuild. */
    static final class Texts {
        final List<String> seen = new ArrayList<>();

        @EventHandler
        void on(String text) {
            seen.add(text);
        }
    }

    /** A handler of every event that takes no part in resets (as one that tells people would). */
    static final class Live implements EventMessageHandler {
        final List<Object> seen = new ArrayList<>();

        @Override
        public Object handle(EventMessage<?> event) {
            seen.add(event.getPayload());
            return null;
        }

        @Override
        public boolean supportsReset() {
            return false;
        }
    }
}
