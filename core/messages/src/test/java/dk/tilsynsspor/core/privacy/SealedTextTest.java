package dk.tilsynsspor.core.privacy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class SealedTextTest {

    private final byte[] key = SealedText.newKey();
    private final String context = SealedText.context(UUID.randomUUID(), "citizenName");

    @Test
    void opensWithItsKeyAndContextOnly() {
        SealedText sealed = SealedText.seal(key, context, "Jens Hansen");

        assertThat(sealed.envelope()).startsWith(SealedText.PREFIX).doesNotContain("Jens");
        assertThat(sealed.open(key, context)).contains("Jens Hansen");
        assertThat(sealed.open(SealedText.newKey(), context)).isEmpty();
        assertThat(sealed.open(key, SealedText.context(UUID.randomUUID(), "citizenName"))).isEmpty();
    }

    @Test
    void everySealingTakesANewNonce() {
        assertThat(SealedText.seal(key, context, "same").envelope())
                .isNotEqualTo(SealedText.seal(key, context, "same").envelope());
    }

    /** A thread's cipher is used again: a text that did not open must not spoil the next sealing or opening. */
    @Test
    void aFailedOpeningLeavesTheThreadsCipherFitForTheNextText() {
        SealedText first = SealedText.seal(key, context, "first");
        assertThat(first.open(SealedText.newKey(), context)).isEmpty();

        SealedText second = SealedText.seal(key, context, "second");
        assertThat(second.open(key, context)).contains("second");
        assertThat(first.open(key, context)).contains("first");
    }

    @Test
    void textsSealedAndOpenedOnManyThreadsAtOnceEachOpenAsWritten() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Optional<String>>> tasks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String text = "text " + i;
                tasks.add(() -> SealedText.seal(key, context, text).open(key, context));
            }
            List<Future<Optional<String>>> opened = threads.invokeAll(tasks);
            for (int i = 0; i < opened.size(); i++) {
                assertThat(opened.get(i).get()).contains("text " + i);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
