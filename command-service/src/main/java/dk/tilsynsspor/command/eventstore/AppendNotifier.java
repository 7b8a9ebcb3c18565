package dk.tilsynsspor.command.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells query-service that events were appended (ADR 3): after a unit of work that published events has committed,
 * one {@code NOTIFY tilsynsspor_events} in a transaction of its own.
 *
 * <p>Not in the appending transaction, on purpose: a transaction that notifies takes PostgreSQL's global notify lock
 * at commit and holds it until its commit record is flushed, so appends that notified committed one after another,
 * one per WAL flush, however many writers there were. Here the appends commit freely (group commit); the notifier
 * thread sends one notification for however many commits happened since its last one, as one statement in a
 * transaction of its own: a transaction that writes nothing but its commit record is not flushed before its commit
 * returns (PostgreSQL waits for the disk only when a transaction wrote to the log before committing), so its hold on
 * the lock is short. A notification lost with an instance (killed between commit and notify) only delays the reader
 * until its next re-read (ADR 3); nothing is lost. Only in the PostgreSQL mode: with Axon Server, query-service
 * follows Axon Server.
 *
 * <p>It notifies at most once per {@code tilsynsspor.notify.interval} (10 ms): the first commit after a quiet spell
 * is announced at once, the commits that follow it sooner wait for the interval's end and are announced together.
 * query-service wakes its processors at most once per its own wake interval (20 ms) however many notifications come,
 * so under load a notification per commit cost a statement and a commit here and a wake-up of PostgreSQL's listening
 * backend and of query-service's listener for nothing (0.76 notifications per appended event in the benchmark).
 */
@Component
@Profile("!" + EventStoreConfiguration.AXON_DEFAULTS)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class AppendNotifier implements SmartLifecycle {

    /** The channel query-service's {@code EventArrivals} listens on. */
    public static final String CHANNEL = "tilsynsspor_events";
    private static final Logger log = LoggerFactory.getLogger(AppendNotifier.class);

    private final DataSource dataSource;
    private final PacedWorker worker;
    private final AtomicLong sent = new AtomicLong();

    AppendNotifier(DataSource dataSource, AppendCommits commits,
                   @Value("${tilsynsspor.notify.interval:10ms}") Duration interval) {
        this.dataSource = dataSource;
        this.worker = new PacedWorker("append-notifier", log,
                Objects.requireNonNull(interval, "notify interval (tilsynsspor.notify.interval)"), null, () -> {
                    notifyReaders();
                    sent.incrementAndGet();
                }, "Could not notify readers of appended events: they will find them on their next re-read",
                "Notifying readers of appended events again");
        commits.onCommit(this::appended);
    }

    /** Events were committed: a notification follows (one for any number of calls before it is sent). */
    void appended() {
        worker.wake();
    }

    /** How many notifications were sent so far. */
    long sent() {
        return sent.get();
    }

    private void notifyReaders() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("NOTIFY " + CHANNEL);
        }
    }

    @Override
    public void start() {
        worker.start();
    }

    /** Stops after the web server has drained its requests, and sends what their commits still owe. */
    @Override
    public void stop() {
        if (worker.stop()) {
            try {
                notifyReaders();
            } catch (SQLException | RuntimeException e) {
                log.debug("No last notification at shutdown ({}): readers find the events on their re-read",
                        e.getMessage());
            }
        }
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
