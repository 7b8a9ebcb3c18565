package dk.tilsynsspor.command.eventstore;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the chain's mirror in this instance has linked (MirrorProgress' class doc). */
class MirrorProgressTest {

    private final MirrorProgress progress = new MirrorProgress();

    @Test
    void copiesCountAsLinkedOnceTheirBatchHasCommitted() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("copy"));
        progress.linkedOnCommit("order-1", 3);
        progress.linkedOnCommit("order-1", 4);
        progress.linkedOnCommit("order-2", 0);

        assertThat(progress.linked("order-1", 3)).isFalse();
        assertThat(progress.activeHere()).isFalse();

        batch.commit();

        assertThat(progress.linked("order-1", 4)).isTrue();
        assertThat(progress.linked("order-1", 5)).isFalse();
        assertThat(progress.linked("order-2", 0)).isTrue();
        assertThat(progress.activeHere()).isTrue();
    }

    @Test
    void aBatchRolledBackLinksNothing() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("copy"));
        progress.linkedOnCommit("order-1", 3);

        batch.rollback();

        assertThat(progress.linked("order-1", 0)).isFalse();
        assertThat(progress.activeHere()).isFalse();
    }

    @Test
    void aLinkNeverGoesBack() {
        progress.linked(Map.of("order-1", 7L));
        progress.linked(Map.of("order-1", 5L));

        assertThat(progress.linked("order-1", 7)).isTrue();
    }

    @Test
    @Timeout(60)
    void aWaitEndsAtOnceForACommitItHasNotSeen() throws InterruptedException {
        long seen = progress.version();
        progress.linked(Map.of("order-1", 1L));

        progress.awaitAfter(seen, Duration.ofDays(1)); // would hang until the test's time limit

        assertThat(progress.version()).isEqualTo(seen + 1);
    }

    @Test
    @Timeout(60)
    void aWaitEndsWhenTheMirrorCommits() throws InterruptedException {
        long seen = progress.version();
        Thread mirror = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            progress.linked(Map.of("order-1", 1L));
        });
        mirror.start();

        progress.awaitAfter(seen, Duration.ofDays(1));

        assertThat(progress.linked("order-1", 1)).isTrue();
        mirror.join();
    }
}
