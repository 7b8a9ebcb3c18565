package dk.tilsynsspor.query.eventstore;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Listens on PostgreSQL's {@code tilsynsspor_events} channel, which command-service notifies after its appending
 * transactions commit (ADR 3), and wakes the event streams instead of letting them poll. After every (re)connect it
 * wakes them too, so that nothing appended while the listener was away waits for the next poll.
 *
 * <p>It wakes them at most once per {@code wakeInterval}: a notification after a quiet spell wakes them at once; one
 * that comes sooner after the last wake-up waits for the interval's end, and every notification received meanwhile
 * is answered by that one wake-up. Under load the processors then read and project the commits of an interval in one
 * batch instead of a transaction each (ADR 3, addendum); an event becomes visible at most one interval later.
 */
public class EventArrivals implements SmartLifecycle {

    static final String CHANNEL = "tilsynsspor_events";
    private static final Logger log = LoggerFactory.getLogger(EventArrivals.class);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    private final DataSourceProperties dataSource;
    private final long wakeIntervalNanos;
    private final AtomicLong arrivals = new AtomicLong();
    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    /** {@code wakeInterval}: the least time between two wake-ups for notifications (zero: every notification). */
    public EventArrivals(DataSourceProperties dataSource, Duration wakeInterval) {
        if (Objects.requireNonNull(wakeInterval, "wake interval (tilsynsspor.processing.wake-interval)").isNegative()) {
            throw new IllegalArgumentException("the wake interval cannot be negative: " + wakeInterval);
        }
        this.dataSource = dataSource;
        this.wakeIntervalNanos = wakeInterval.toNanos();
    }

    /** A counter that grows with every notification; compare two readings to know whether anything arrived. */
    public long count() {
        return arrivals.get();
    }

    /** Waits until the count differs from {@code seen} or the time is up; true if it changed. */
    public boolean awaitChange(long seen, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = timeoutNanos;
            while (arrivals.get() == seen && remaining > 0) {
                remaining = arrived.awaitNanos(remaining);
            }
            return arrivals.get() != seen;
        } finally {
            lock.unlock();
        }
    }

    public void onArrival(Runnable callback) {
        callbacks.add(callback);
    }

    public void removeCallback(Runnable callback) {
        callbacks.remove(callback);
    }

    void signal() {
        lock.lock();
        try {
            arrivals.incrementAndGet();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        callbacks.forEach(Runnable::run);
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "event-arrivals");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly(connection);
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start before the event processors and stop after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private void listen() {
        while (running) {
            try (Connection listening = DriverManager.getConnection(dataSource.determineUrl(),
                    dataSource.determineUsername(), dataSource.determinePassword())) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                log.debug("Listening for appended events on channel {}", CHANNEL);
                signal();
                PGConnection pg = listening.unwrap(PGConnection.class);
                long lastWake = System.nanoTime() - wakeIntervalNanos; // the first notification wakes at once
                while (running) {
                    var notifications = pg.getNotifications((int) TimeUnit.SECONDS.toMillis(10));
                    if (notifications != null && notifications.length > 0) {
                        long early = lastWake + wakeIntervalNanos - System.nanoTime();
                        if (early > 0) {
                            LockSupport.parkNanos(this, early);
                            // those received meanwhile, which this wake-up answers (-1: without waiting; 0 would
                            // wait for the next one)
                            pg.getNotifications(-1);
                        }
                        lastWake = System.nanoTime();
                        signal();
                    }
                }
            } catch (SQLException | RuntimeException e) { // this thread carries on whatever failed
                if (running) {
                    log.warn("Lost the event notification channel ({}); polling until it is back", e.toString(),
                            e instanceof RuntimeException ? e : null);
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing only to unblock the listener thread
            }
        }
    }
}
