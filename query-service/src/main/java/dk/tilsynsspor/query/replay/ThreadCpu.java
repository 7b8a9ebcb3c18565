package dk.tilsynsspor.query.replay;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The CPU time one thread has used since a start, for a rebuild's log lines: what that thread's own work cost,
 * apart from the JIT compiler's and the other threads' (a rebuild's process time mixes them all).
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final long started;

    private ThreadCpu(long started) {
        this.started = started;
    }

    /** From now, on the calling thread. */
    static ThreadCpu start() {
        return new ThreadCpu(now());
    }

    /** The calling thread's CPU seconds since the start, as "12.3 s", or "unmeasured" where the JVM cannot tell. */
    String used() {
        long now = now();
        return started < 0 || now < 0 ? "unmeasured" : String.format(Locale.ROOT, "%.1f s", (now - started) / 1e9);
    }

    private static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }
}
