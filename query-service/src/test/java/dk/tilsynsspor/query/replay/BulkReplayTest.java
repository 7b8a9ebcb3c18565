package dk.tilsynsspor.query.replay;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

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
}
