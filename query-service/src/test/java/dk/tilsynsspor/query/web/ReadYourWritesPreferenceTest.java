package dk.tilsynsspor.query.web;

import dk.tilsynsspor.query.replay.ReadYourWrites;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * {@code Prefer: read-your-writes}: the read waits for every read model, says so, or refuses to answer stale; only
 * so many wait at once.
 */
class ReadYourWritesPreferenceTest {

    private final ReadYourWrites readModels = mock(ReadYourWrites.class);
    private final ReadYourWritesPreference preference = new ReadYourWritesPreference(readModels);
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    private static MockHttpServletRequest get(String... prefer) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders");
        for (String header : prefer) {
            request.addHeader("Prefer", header);
        }
        return request;
    }

    @Test
    void thePreferenceIsFoundAmongOthersWhateverItsCaseAndParameters() {
        assertThat(ReadYourWritesPreference.asked(get("read-your-writes"))).isTrue();
        assertThat(ReadYourWritesPreference.asked(get("return=minimal, Read-Your-Writes"))).isTrue();
        assertThat(ReadYourWritesPreference.asked(get("respond-async", " read-your-writes ; x=1"))).isTrue();
        assertThat(ReadYourWritesPreference.asked(get())).isFalse();
        assertThat(ReadYourWritesPreference.asked(get("return=read-your-writes"))).as("a value, not the token")
                .isFalse();
        assertThat(ReadYourWritesPreference.asked(get("read-your-writes-later"))).isFalse();
    }

    @Test
    void aReadAskingForItsWritesIsAnsweredOnceEveryReadModelHoldsThemAndSaysSo() {
        when(readModels.awaitEveryReadModel()).thenReturn(true);

        assertThat(preference.preHandle(get("read-your-writes"), response, new Object())).isTrue();

        verify(readModels).awaitEveryReadModel();
        assertThat(response.getHeader("Preference-Applied")).isEqualTo("read-your-writes");
        assertThat(response.getHeaders("Vary")).contains("Prefer");
    }

    @Test
    void aReadModelThatDoesNotCatchUpInTimeIsRefusedNotAnsweredStale() {
        when(readModels.awaitEveryReadModel()).thenReturn(false);

        assertThatThrownBy(() -> preference.preHandle(get("read-your-writes"), response, new Object()))
                .isInstanceOfSatisfying(ReadModelBehindException.class, behind ->
                        assertThat(behind.code()).isEqualTo("read-model-behind"));
        assertThat(response.getHeader("Preference-Applied")).isNull();
    }

    @Test
    void onlySoManyReadsWaitAtOnceTheNextIsRefusedAtOnceAndAFreedPlaceIsTakenAgain() throws Exception {
        CountDownLatch waitingReads = new CountDownLatch(ReadYourWritesPreference.WAITING_AT_MOST);
        CountDownLatch projected = new CountDownLatch(1);
        when(readModels.awaitEveryReadModel()).thenAnswer(invocation -> {
            waitingReads.countDown();
            return projected.await(10, TimeUnit.SECONDS);
        });
        ExecutorService readers = Executors.newFixedThreadPool(ReadYourWritesPreference.WAITING_AT_MOST);
        try {
            List<Future<Boolean>> waiting = new ArrayList<>();
            for (int i = 0; i < ReadYourWritesPreference.WAITING_AT_MOST; i++) {
                waiting.add(readers.submit(() -> preference.preHandle(get("read-your-writes"),
                        new MockHttpServletResponse(), new Object())));
            }
            assertThat(waitingReads.await(10, TimeUnit.SECONDS)).as("all of them waiting").isTrue();

            assertThatThrownBy(() -> preference.preHandle(get("read-your-writes"), response, new Object()))
                    .isInstanceOfSatisfying(ReadModelBehindException.class, busy ->
                            assertThat(busy.code()).isEqualTo("too-many-waiting-reads"));

            projected.countDown();
            for (Future<Boolean> read : waiting) {
                assertThat(read.get(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(preference.preHandle(get("read-your-writes"), response, new Object())).isTrue();
            assertThat(response.getHeader("Preference-Applied")).isEqualTo("read-your-writes");
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void aReadNotAskingAndAnythingButAReadDoNotWait() {
        assertThat(preference.preHandle(get(), response, new Object())).isTrue();
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/api/notifications/x/read");
        post.addHeader("Prefer", "read-your-writes");
        assertThat(preference.preHandle(post, response, new Object())).isTrue();

        verify(readModels, never()).awaitEveryReadModel();
        assertThat(response.getHeader("Preference-Applied")).isNull();
    }
}
