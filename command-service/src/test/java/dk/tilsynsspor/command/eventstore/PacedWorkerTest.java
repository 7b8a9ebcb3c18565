package dk.tilsynsspor.command.eventstore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The paced worker behind the readers' notification and the chain's sealing: woken, it runs once for the calls that
 * came close together; unwoken it runs at its interval or, without one, not at all; a failed run is retried.
 */
class PacedWorkerTest {

    private final AtomicInteger runs = new AtomicInteger();
    private PacedWorker worker;

    private PacedWorker worker(Duration gap, Duration interval, PacedWorker.Work work) {
        worker = new PacedWorker("test-worker", LoggerFactory.getLogger(PacedWorkerTest.class), gap, interval, work,
                "Could not run the test's work", "Running the test's work again");
        return worker;
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    @Test
    void callsWithinTheGapAreServedByOneRun() {
        worker(Duration.ofMillis(500), null, runs::incrementAndGet).start();

        worker.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
        worker.wake();
        worker.wake();
        worker.wake();

        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> runs.get() == 2);
    }

    @Test
    void withoutAnIntervalItRunsOnlyWhenWoken() {
        worker(Duration.ZERO, null, runs::incrementAndGet).start();

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> runs.get() == 0);
        worker.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
    }

    @Test
    void withAnIntervalItRunsAtItsStartAndUnwokenAgainAtEachInterval() {
        worker(Duration.ofHours(1), Duration.ofMillis(50), runs::incrementAndGet).start();

        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
    }

    @Test
    void aFailedRunIsRetriedWithoutAnotherCall() {
        worker(Duration.ZERO, null, () -> {
            if (runs.incrementAndGet() == 1) {
                throw new SQLException("the database is restarting");
            }
        }).start();

        worker.wake();

        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
        assertThat(worker.isRunning()).isTrue();
    }

    @Test
    void aStopAnswersWhetherACallWasStillOwed() {
        worker(Duration.ofHours(1), null, runs::incrementAndGet).start();
        worker.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
        worker.wake(); // within the hour's gap: owed, not run

        assertThat(worker.stop()).isTrue();
        assertThat(worker.isRunning()).isFalse();
        assertThat(runs).hasValue(1);
        assertThat(worker.stop()).as("nothing owed any more").isFalse();
    }

    @Test
    void aNegativeGapOrAnIntervalOfNothingIsRefused() {
        assertThatThrownBy(() -> worker(Duration.ofMillis(-1), null, runs::incrementAndGet))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> worker(Duration.ZERO, Duration.ZERO, runs::incrementAndGet))
                .isInstanceOf(IllegalArgumentException.class);
        worker = null;
    }
}
