package dk.tilsynsspor.command.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seals the orders' hash chains (ADR 28): links the stored events whose transactions have ended into their orders'
 * chains, by calling {@code events.seal_order_chains} (migration V11), which does the work in the database, many links
 * per transaction, one sealer at a time across instances.
 *
 * <p>Woken after each unit of work that published events has committed (at most once per
 * {@code tilsynsspor.chain.seal-gap}, 100 ms, so that commits close together are sealed together: a call has a cost
 * of its own, its statements and its commit, which one command's event alone would pay several times over), by the
 * chain's mirror after it copied events (Axon Server mode), and in any case every
 * {@code tilsynsspor.chain.seal-interval} (200 ms): events written by another instance or writer, or held below the
 * horizon by a transaction still running when it was woken, are sealed at the latest then. Nothing is lost when an
 * instance stops before sealing: whichever instance calls next links every event still waiting.
 */
@Component
public class ChainSealer implements SmartLifecycle {

    /** The most links one call makes; it is called again at once while it makes that many. */
    static final int BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(ChainSealer.class);

    private final DataSource dataSource;
    private final PacedWorker worker;
    private final AtomicLong sealed = new AtomicLong();
    private volatile boolean stopping;

    ChainSealer(DataSource dataSource, AppendCommits commits,
                @Value("${tilsynsspor.chain.seal-gap:100ms}") Duration gap,
                @Value("${tilsynsspor.chain.seal-interval:200ms}") Duration interval) {
        this.dataSource = dataSource;
        this.worker = new PacedWorker("chain-sealer", log,
                Objects.requireNonNull(gap, "seal gap (tilsynsspor.chain.seal-gap)"),
                Objects.requireNonNull(interval, "seal interval (tilsynsspor.chain.seal-interval)"),
                this::sealWaiting, "Could not seal the orders' hash chains: the events wait",
                "Sealing the orders' hash chains again");
        commits.onCommit(this::wake);
    }

    /** Events were stored: they are sealed soon (one sealing for any number of calls before it starts). */
    public void wake() {
        worker.wake();
    }

    /** How many links this instance has made since it started. */
    long sealed() {
        return sealed.get();
    }

    /** Why sealing failed at its last call, while it fails; else empty. */
    Optional<String> failure() {
        return worker.failure();
    }

    /** Links every event whose transaction has ended; answers how many links it made. */
    long sealWaiting() throws SQLException {
        long made = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement seal = connection.prepareStatement("SELECT events.seal_order_chains(?)")) {
            connection.setAutoCommit(true);
            seal.setInt(1, BATCH);
            int linked;
            do {
                try (ResultSet answer = seal.executeQuery()) {
                    answer.next();
                    linked = answer.getInt(1);
                }
                made += linked;
                sealed.addAndGet(linked);
            } while (linked == BATCH && !stopping); // a stop leaves the rest to the next instance's call
        }
        return made;
    }

    @Override
    public void start() {
        stopping = false;
        worker.start();
    }

    @Override
    public void stop() {
        stopping = true;
        worker.stop(); // what a commit owed is sealed by the next instance's call (or by the mirror's restart)
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
