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
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Listens on PostgreSQL's {@code tilsynsspor_events} channel, which command-service notifies after its appending
 * transactions commit (ADR 3), and wakes the event streams at once instead of letting them poll. After every
 * (re)connect it wakes them too, so that nothing appended while the listener was away waits for the next poll.
 */
public class EventArrivals implements SmartLifecycle {

    static final String CHANNEL = "tilsynsspor_events";
    private static final Logger log = LoggerFactory.getLogger(EventArrivals.class);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    private final DataSourceProperties dataSource;
    private final AtomicLong arrivals = new AtomicLong();
    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    public EventArrivals(DataSourceProperties dataSource) {
        this.dataSource = dataSource;
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
                while (running) {
                    var notifications = pg.getNotifications((int) TimeUnit.SECONDS.toMillis(10));
                    if (notifications != null && notifications.length > 0) {
                        signal();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Lost the event notification channel ({}); polling until it is back", e.getMessage());
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
