package dk.tilsynsspor.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class UnitOfWorkTimeLimitTest {

    private static final ScheduledExecutorService janitor = Executors.newSingleThreadScheduledExecutor();

    @AfterAll
    static void stopJanitor() {
        janitor.shutdownNow();
    }

    private static ResultMessage<?> run(TaskTimeoutSettings settings, InterceptorChain handler) {
        DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("work"));
        UnitOfWorkTimeLimit limit = new UnitOfWorkTimeLimit("test", settings, janitor);
        return unitOfWork.executeWithResult(() -> limit.handle(unitOfWork, handler));
    }

    @Test
    void aUnitOfWorkPastItsTimeoutIsInterruptedAndFailsWithATimeout() {
        long started = System.nanoTime();
        ResultMessage<?> result = run(new TaskTimeoutSettings(200, -1, 1000), () -> {
            Thread.sleep(10_000);
            return "done";
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class)
                .hasMessageContaining("UnitOfWork of test");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(10_000);
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt cleared from the thread").isFalse();
    }

    @Test
    void aHandlerThatSwallowsTheInterruptStillFails() {
        ResultMessage<?> result = run(new TaskTimeoutSettings(100, -1, 1000), () -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException swallowed) {
                // as a careless handler would
            }
            return "done";
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aUnitOfWorkThatEndsInTimeIsNeverInterruptedAfterwards() throws InterruptedException {
        ResultMessage<?> result = run(new TaskTimeoutSettings(50, 20, 10), () -> "done");

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo("done");
        Thread.sleep(300); // throws if the limit interrupted this thread after its unit of work ended
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aSlowUnitOfWorkIsWarnedAboutWithItsThreadsStackBeforeItIsInterrupted(CapturedOutput output) {
        ResultMessage<?> result = run(new TaskTimeoutSettings(400, 100, 100), () -> {
            Thread.sleep(10_000);
            return "done";
        });

        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class);
        assertThat(output.getOut()).contains("UnitOfWork of test on thread [" + Thread.currentThread().getName()
                + "] is taking long").contains("java.lang.Thread.sleep")
                .contains("UnitOfWork of test has exceeded its timeout of 400 ms");
    }

    @Test
    void aHandlerFailingOnItsOwnKeepsItsException() {
        IllegalStateException own = new IllegalStateException("the handler's own failure");
        ResultMessage<?> result = run(new TaskTimeoutSettings(10_000, -1, 1000), () -> {
            throw own;
        });

        assertThat(result.exceptionResult()).isSameAs(own);
    }

    @Test
    void nestedUnitsOfWorkShareTheRootsOneLimit() {
        AtomicInteger limitsStarted = new AtomicInteger();
        ScheduledExecutorService counting = new java.util.concurrent.ScheduledThreadPoolExecutor(1) {
            @Override
            public java.util.concurrent.ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                limitsStarted.incrementAndGet();
                return super.schedule(command, delay, unit);
            }
        };
        try {
            UnitOfWorkTimeLimit limit = new UnitOfWorkTimeLimit("test", new TaskTimeoutSettings(10_000, -1, 1000),
                    counting);
            DefaultUnitOfWork<Message<?>> root = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("root"));
            ResultMessage<?> result = root.executeWithResult(() -> limit.handle(root, () -> {
                DefaultUnitOfWork<Message<?>> nested = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("in"));
                return nested.executeWithResult(() -> limit.handle(nested, () -> "inner")).getPayload();
            }));

            assertThat(result.getPayload()).isEqualTo("inner");
            assertThat(limitsStarted).hasValue(1);
        } finally {
            counting.shutdownNow();
        }
    }
}
