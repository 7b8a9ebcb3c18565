package dk.tilsynsspor.command.eventstore;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread of its own that does one piece of work when woken, at most once per gap, so that the calls that come close
 * together are served by one run; and, given an interval, also unwoken once per interval. A run that fails is retried
 * a second later, its failure logged once and its recovery once: the thread carries on whatever failed, for were it
 * to end, the work would wait for a restart.
 */
final class PacedWorker {

    /** The work, which may fail with a checked exception of the database. */
    interface Work {
        void run() throws Exception;
    }

    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(5);

    private final String name;
    private final Logger log;
    private final Work work;
    private final long gapNanos;
    private final long intervalNanos; // 0: only when woken
    private final String failed;
    private final String recovered;
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile String failure; // the last run's failure, while the work fails

    /**
     * @param interval how often it runs unwoken, or null for never
     * @param failed   the warning at the first failure: what could not be done and what follows (the exception is
     *                 appended)
     * @param recovered the line logged when the work succeeds again after failing
     */
    PacedWorker(String name, Logger log, Duration gap, Duration interval, Work work, String failed, String recovered) {
        this.name = Objects.requireNonNull(name, "name");
        this.log = Objects.requireNonNull(log, "log");
        this.work = Objects.requireNonNull(work, "work");
        this.failed = Objects.requireNonNull(failed, "failure message");
        this.recovered = Objects.requireNonNull(recovered, "recovery message");
        this.gapNanos = Objects.requireNonNull(gap, "gap").toNanos();
        this.intervalNanos = interval == null ? 0 : interval.toNanos();
        if (gapNanos < 0 || intervalNanos < 0 || interval != null && intervalNanos == 0) {
            throw new IllegalArgumentException(name + ": the gap must not be negative and the interval must be "
                    + "positive: " + gap + ", " + interval);
        }
    }

    /** The work is owed: it runs soon, once for any number of calls before it starts. */
    void wake() {
        if (woken.getAndSet(true)) {
            return; // already owed: the thread is awake or waits for the gap's end, and this call is served too
        }
        Thread worker = thread;
        if (worker != null) {
            LockSupport.unpark(worker);
        }
    }

    void start() {
        running = true;
        Thread worker = new Thread(this::loop, name);
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    /** Stops the thread, waiting a few seconds for a run under way; answers whether a wake-up was still owed. */
    boolean stop() {
        running = false;
        Thread worker = thread;
        thread = null;
        if (worker != null) {
            LockSupport.unpark(worker);
            try {
                worker.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return woken.getAndSet(false);
    }

    boolean isRunning() {
        return running;
    }

    /** Why the last run failed, while the work fails; else empty. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private void loop() {
        boolean failing = false;
        long last = System.nanoTime() - Math.max(gapNanos, intervalNanos); // the first run is due at once
        while (running) {
            long due;
            if (woken.get()) {
                due = last + gapNanos;
            } else if (intervalNanos > 0) {
                due = last + intervalNanos;
            } else {
                LockSupport.park(this);
                continue;
            }
            long early = due - System.nanoTime();
            if (early > 0) {
                LockSupport.parkNanos(this, early); // the calls meanwhile are served by this run
                continue;
            }
            woken.set(false); // before the run: a call during it is served by the next one
            try {
                work.run();
                last = System.nanoTime();
                failure = null;
                if (failing) {
                    log.info(recovered);
                    failing = false;
                }
            } catch (Exception e) {
                failure = e.toString();
                if (!failing) {
                    log.warn("{} ({}); retried every second", failed, e.toString(),
                            e instanceof RuntimeException ? e : null);
                    failing = true;
                }
                woken.set(true);
                last = System.nanoTime() + RETRY_NANOS - gapNanos; // due again a second from now
            }
        }
    }
}
