package dk.tilsynsspor.platform.axon;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nonnull;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time limit of a unit of work (a command, a query, a deadline, a processor's batch), as Axon's
 * {@code UnitOfWorkTimeoutInterceptor} sets it from {@code axon.timeout.transaction}: warnings from the threshold on,
 * with the stack of the thread still at work, and the thread interrupted at the timeout, the unit of work then failing
 * with {@link AxonTimeoutException}. Unlike Axon 4.13.0's, it does not walk the handling thread's stack when a unit of
 * work starts (Axon takes the whole stack at every start, to trim the warnings' stacks later: 20-50 µs under a web
 * request, every command and query; AxonFramework issue 4637, fixed in 4.13.2). The stack is taken only for a warning,
 * on the janitor's thread. Once the unit of work has ended, its thread is never interrupted by it, and an interrupt it
 * gave that nobody consumed is cleared, so no pooled thread carries it into its next task.
 */
public final class UnitOfWorkTimeLimit implements MessageHandlerInterceptor<Message<?>> {

    private static final Logger log = LoggerFactory.getLogger(UnitOfWorkTimeLimit.class);
    private static final String RESOURCE = UnitOfWorkTimeLimit.class.getName();

    private final String component;
    private final TaskTimeoutSettings settings;
    private final ScheduledExecutorService janitor;

    public UnitOfWorkTimeLimit(String component, TaskTimeoutSettings settings, ScheduledExecutorService janitor) {
        this.component = component;
        this.settings = settings;
        this.janitor = janitor;
    }

    @Override
    public Object handle(@Nonnull UnitOfWork<? extends Message<?>> unitOfWork,
                         @Nonnull InterceptorChain interceptorChain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        Limit limit = (Limit) root.resources().get(RESOURCE);
        if (limit == null) {
            limit = new Limit("UnitOfWork of " + component, Thread.currentThread(), settings, janitor);
            root.resources().put(RESOURCE, limit);
            root.onCleanup(limit::end);
            limit.start();
        }
        try {
            Object result = interceptorChain.proceed();
            limit.failIfTimedOut();
            return result;
        } catch (Exception e) {
            throw limit.timedOutInstead(e);
        }
    }

    /** One unit of work's limit: its warnings and its interrupt, scheduled one at a time on the janitor. */
    static final class Limit {

        private final String task;
        private final Thread thread;
        private final TaskTimeoutSettings settings;
        private final ScheduledExecutorService janitor;
        private final long startedNanos = System.nanoTime();
        private boolean ended;
        private boolean interrupted;
        private Future<?> next;

        Limit(String task, Thread thread, TaskTimeoutSettings settings, ScheduledExecutorService janitor) {
            this.task = task;
            this.thread = thread;
            this.settings = settings;
            this.janitor = janitor;
        }

        synchronized void start() {
            int timeout = settings.getTimeoutMs();
            int threshold = settings.getWarningThresholdMs();
            if (threshold >= 0 && (timeout < 0 || threshold < timeout)) {
                next = janitor.schedule(this::warn, threshold, TimeUnit.MILLISECONDS);
            } else if (timeout >= 0) {
                next = janitor.schedule(this::interrupt, timeout, TimeUnit.MILLISECONDS);
            }
        }

        private synchronized void warn() {
            if (ended) {
                return;
            }
            long taken = takenMs();
            int timeout = settings.getTimeoutMs();
            log.warn("{} on thread [{}] is taking long: {} ms so far{}. Its thread's stack:\n{}", task,
                    thread.getName(), taken, timeout < 0 ? "" : ", interrupted at " + timeout + " ms", stackOf(thread));
            long interval = Math.max(1, settings.getWarningIntervalMs());
            if (timeout < 0 || taken + interval < timeout) {
                next = janitor.schedule(this::warn, interval, TimeUnit.MILLISECONDS);
            } else {
                next = janitor.schedule(this::interrupt, Math.max(0, timeout - taken), TimeUnit.MILLISECONDS);
            }
        }

        private synchronized void interrupt() {
            if (ended) {
                return;
            }
            log.error("{} has exceeded its timeout of {} ms; interrupting thread [{}]. Its stack:\n{}", task,
                    settings.getTimeoutMs(), thread.getName(), stackOf(thread));
            interrupted = true;
            thread.interrupt();
        }

        /** On the handling thread, after the handler returned: a timed-out unit of work fails though it returned. */
        void failIfTimedOut() {
            if (interruptedByLimit()) {
                Thread.interrupted();
                throw new AxonTimeoutException(task + " has timed out");
            }
        }

        /** On the handling thread, for what the handler threw: a timeout, if this limit interrupted it. */
        Exception timedOutInstead(Exception thrown) {
            if (!interruptedByLimit()) {
                return thrown;
            }
            Thread.interrupted();
            AxonTimeoutException timeout = new AxonTimeoutException(task + " has timed out");
            timeout.addSuppressed(thrown);
            return timeout;
        }

        /** When the unit of work is cleaned up (after its commit or rollback), on its own thread. */
        synchronized void end(UnitOfWork<?> unitOfWork) {
            ended = true;
            if (next != null) {
                next.cancel(false);
                next = null;
            }
            if (interrupted && Thread.currentThread() == thread && Thread.interrupted()) {
                log.info("{} ended after its timeout; the interrupt nobody consumed is cleared", task);
            }
        }

        synchronized boolean interruptedByLimit() {
            return interrupted;
        }

        private long takenMs() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        }

        private static String stackOf(Thread thread) {
            StringBuilder stack = new StringBuilder();
            for (StackTraceElement element : thread.getStackTrace()) {
                stack.append("\tat ").append(element).append('\n');
            }
            return stack.toString();
        }
    }
}
