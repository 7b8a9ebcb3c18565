package dk.tilsynsspor.query.bench;

import dk.tilsynsspor.query.it.AxonServer;
import dk.tilsynsspor.query.it.WorkedExample;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The benchmark of issues 6 and 20, run by {@code ./mvnw -B -Pbench verify} (README, "Benchmark"): both services on a
 * fresh database of a PostgreSQL server, first as configured, then on Axon's stock settings, measured side by side
 * in one run. Writes {@code benchmark.json} and {@code benchmark.md}; see {@link Report} for what each figure is.
 *
 * <p>Settings (system properties): {@code bench.jdbc.url} (any database of the server, default the local
 * server's {@code postgres}), {@code bench.jdbc.user}, {@code bench.clients} (8), {@code bench.warmup-seconds} (20,
 * the worked example before the first phase), {@code bench.phase-warmup-seconds} (90, each command and plain window's
 * own load, unmeasured, before them), {@code bench.seconds} (60, the command and plain windows, each),
 * {@code bench.turns} (3, the plain and command windows alternated, each {@code bench.seconds / bench.turns}),
 * {@code bench.lag-seconds} (30), {@code bench.ceiling-seconds} (20, each appends window, in {@code bench.turns} turns),
 * {@code bench.append-writers} (16), {@code bench.close-orders} (100 beside each side, in {@code bench.turns} turns),
 * {@code bench.open-orders} (10,000),
 * {@code bench.long-stream-events} (10,000), {@code bench.restarts} (3, of command-service, each followed by the
 * first command on every long order),
 * {@code bench.events} (1,000,000),
 * {@code bench.small-events} (10,000), {@code bench.peer-replay-seconds} (120), {@code bench.replay-again} (1: how
 * many times the rebuild in the running service is repeated after the measured one, its code then compiled),
 * {@code bench.out};
 * {@code bench.tuned} / {@code bench.peer} (true): false leaves that configuration out; and
 * {@code bench.deadline-minutes} (120): a run still going then is stopped as failed, with its threads' stacks in the
 * log, and both services and the run's database go with it (as on any failure, Ctrl-C, SIGTERM, or when the Maven
 * process that started it ends).
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        System.setProperty("it.jdbc.url", settings.jdbcUrl());
        System.setProperty("it.jdbc.user", settings.jdbcUser());
        Report report = new Report(settings);
        report.machine(Machine.describe(settings));
        stopAtDeadline(Duration.ofMinutes(Integer.getInteger("bench.deadline-minutes", 120)), report);
        stopWithParent();
        try {
            String axonServerJar = System.getProperty("bench.axonserver-jar", "");
            if (!axonServerJar.isBlank()) { // a run of its own: the rebuild with the events in Axon Server
                onAxonServer(settings, report, Path.of(axonServerJar));
                return;
            }
            if (Boolean.parseBoolean(System.getProperty("bench.tuned", "true"))) {
                tuned(settings, report);
            }
            if (Boolean.parseBoolean(System.getProperty("bench.peer", "true"))) {
                stock(settings, report);
            }
        } catch (Exception | AssertionError e) {
            report.failed(e);
            throw e;
        } finally {
            report.write();
        }
    }

    /**
     * A run that hangs (a service that stopped answering, a wait that never ends) is stopped at the deadline: the
     * report says so, the threads' stacks show where it hung, and the exit's hooks stop both services and drop the
     * run's database.
     */
    private static void stopAtDeadline(Duration deadline, Report report) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(deadline.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            log("the run passed its deadline of %d min (bench.deadline-minutes): stopping it; its threads:",
                    deadline.toMinutes());
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                System.out.printf("%n\"%s\" %s%n", thread.getName(), thread.getState());
                for (StackTraceElement frame : stack) {
                    System.out.printf("    at %s%n", frame);
                }
            });
            try {
                report.failed(new IllegalStateException("not done after " + deadline.toMinutes() + " min"));
                report.write();
            } catch (IOException | RuntimeException e) {
                log("the report could not be written: %s", e);
            }
            System.exit(2);
        }, "bench-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * Maven's exec plugin does not stop the benchmark's JVM when Maven itself is stopped (a SIGTERM to it alone, not
     * Ctrl-C to the terminal's whole process group): the benchmark would run on, unseen, on the cores of whatever
     * runs next. It ends with the process that started it, and the exit's hooks stop both services.
     */
    private static void stopWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            log("the process that started the run (%d) has ended: stopping the run", parent.pid());
            System.exit(3);
        }));
    }

    /** The services as they ship. */
    private static void tuned(Settings settings, Report report) throws Exception {
        log("Tilsynsspor as configured: starting both services");
        try (BenchStack stack = BenchStack.tuned()) {
            Phases phases = new Phases(stack, settings.clients());
            WorkedExample template = phases.example(stack.commands(nanos -> { }));
            report.tuned("store", stack.store());
            log("warming up for %d s", settings.warmUp().toSeconds());
            phases.warmUp(settings.warmUp());
            if (Boolean.getBoolean("bench.commands-only")) { // a quicker look at one change's cost per command
                // the dossier's reads once, so that the lag's first probe does not meet them cold
                report.tuned("flatCostSmall", phases.flatCost(template, settings.requests()));
                commands(settings, report, stack, phases);
                return;
            }
            if (Boolean.getBoolean("bench.long-streams-only")) { // a quicker look at one change to long orders
                longStreams(settings, report, phases);
                return;
            }
            EventCopier copier;
            try (Connection connection = stack.connect()) {
                copier = new EventCopier(connection, stack.layout, UUID.fromString(template.orderId),
                        UUID.fromString(template.caseId));
                log("filling the store to %,d events (copies of one order's %d)", settings.smallEvents(),
                        copier.eventsPerCopy());
                copier.fillTo(connection, settings.smallEvents());
            }
            if (Boolean.getBoolean("bench.replay-only")) { // a quicker look at one change's effect on a rebuild
                fill(settings, report, stack, copier);
                replay(report, stack, phases);
                return;
            }
            if (Boolean.getBoolean("bench.appends-only")) { // a quicker look at the store's cost at commit
                fill(settings, report, stack, copier);
                appends(settings, report, stack, phases);
                return;
            }
            stack.awaitCaughtUp(Duration.ofMinutes(10));
            log("flat cost at %,d events", stack.head());
            report.tuned("flatCostSmall", phases.flatCost(template, settings.requests()));

            commands(settings, report, stack, phases);

            log("closing orders beside %d and %,d open orders' deadlines", 10, settings.openOrders());
            report.tuned("closeCost", phases.closeCost(settings.closeOrders(), 10, settings.openOrders(),
                    settings.turns()));
            longStreams(settings, report, phases);

            fill(settings, report, stack, copier);
            log("flat cost at %,d events", stack.head());
            report.tuned("flatCostLarge", phases.flatCost(template, settings.requests()));
            replay(report, stack, phases);

            appends(settings, report, stack, phases);
        }
    }

    /**
     * The rebuild with the events in Axon Server (profile {@code axonserver}; issue 20, target 4: "measure it there
     * too"): that Axon Server jar started on loopback with a fresh data folder, both services in that profile, the
     * commands' window as in PostgreSQL's mode (after its unmeasured warm-up; no plain endpoint beside it), the
     * store filled to {@code bench.events} with copies of one order's events appended through Axon's connector,
     * then command-service's mirror and query-service caught up, Axon Server's whole event stream read raw three
     * times, and the read models rebuilt in the running service as in PostgreSQL's mode (the replay's figures
     * under {@code axonServer}).
     */
    private static void onAxonServer(Settings settings, Report report, Path jar) throws Exception {
        log("Tilsynsspor on Axon Server: starting %s and both services in profile axonserver", jar);
        try (AxonServer server = AxonServer.start(jar);
             BenchStack stack = BenchStack.onAxonServer(server)) {
            Phases phases = new Phases(stack, settings.clients());
            WorkedExample template = phases.example(stack.commands(nanos -> { }));
            // commands as in PostgreSQL's mode, each answered once its events are linked on the mirror (ADR 19)
            warmCommands(settings, stack, phases);
            log("commands: %d clients for %d s", settings.clients(), settings.commandWindow().toSeconds());
            report.axonServer("commands", phases.commands(settings.commandWindow(), null));
            if (Boolean.getBoolean("bench.commands-only")) { // a quicker look at one change's cost per command
                return;
            }
            stack.awaitCaughtUp(Duration.ofMinutes(10));
            EventCopier copier;
            try (Connection connection = stack.connect()) {
                copier = new EventCopier(connection, stack.axonServer.eventsOf(Set.of(template.orderId,
                        template.caseId)), UUID.fromString(template.caseId));
                log("filling Axon Server to %,d events (copies of one order's %d)", settings.events(),
                        copier.eventsPerCopy());
                long filling = System.nanoTime();
                copier.fillTo(stack.axonServer, connection, settings.events());
                double filled = (System.nanoTime() - filling) / 1e9;
                log("filled in %.0f s; waiting for command-service's mirror and query-service", filled);
                Duration catchUp = stack.awaitCaughtUp(Duration.ofMinutes(90));
                report.axonServer("fill", Map.of("events", stack.head() + 1, "seconds", Latencies.round(filled),
                        "mirroredAndProjectedSecondsAfter", Latencies.round(catchUp.toMillis() / 1000.0)));
            }
            report.axonServer("settled", settle(stack, Duration.ofMinutes(10)));
            log("raw reads of Axon Server's event stream");
            CpuShares reading = CpuShares.start(stack);
            Map<String, Object> rawRead = stack.axonServer.rawRead(3);
            rawRead.put("cpu", reading.stop());
            report.axonServer("rawRead", rawRead);
            log("rebuilding the read models in the running service");
            report.axonServer("replay", phases.replayInRunningService(Duration.ofMinutes(60)));
            for (int i = 0; i < Integer.getInteger("bench.replay-again", 1); i++) {
                log("rebuilding the read models in the running service again");
                report.axonServer("replayAgain", phases.replayInRunningService(Duration.ofMinutes(60)));
            }
        }
    }

    /**
     * Last, with query-service stopped: it would read the rows bound for the event table and not those of the table
     * without triggers, and so tilt a comparison that is about the database's work alone (and, restarted, it would be
     * cold for any phase after this one).
     */
    private static void appends(Settings settings, Report report, BenchStack stack, Phases phases) throws Exception {
        stack.queryService.stop();
        // the three of the ratios in turns; the former pg_notify trigger, which shows what serialized commits, once
        phases.appendsInTurns(settings.ceiling(), settings.appendWriters(), settings.turns(),
                        List.of(Phases.Appends.NO_TRIGGERS, Phases.Appends.STORE_WITHOUT_TRIGGERS,
                                Phases.Appends.STORE_TRIGGERS))
                .forEach((appends, figures) -> report.tuned("appends" + appends, figures));
        phases.appendsInTurns(settings.ceiling(), settings.appendWriters(), 1,
                        List.of(Phases.Appends.STORE_TRIGGERS_AND_NOTIFY))
                .forEach((appends, figures) -> report.tuned("appends" + appends, figures));
    }

    private static void longStreams(Settings settings, Report report, Phases phases) throws Exception {
        log("long streams: %d orders of %,d events against as many short ones", settings.clients(),
                settings.longStreamEvents());
        report.tuned("longStreams", phases.longStreams(settings.clients(), settings.longStreamEvents(),
                settings.ceiling(), settings.restarts()));
    }

    /** Fills the store to {@code bench.events} and waits for the read models to catch up. */
    private static void fill(Settings settings, Report report, BenchStack stack, EventCopier copier)
            throws Exception {
        long filling = System.nanoTime();
        try (Connection connection = stack.connect()) {
            log("filling the store to %,d events", settings.events());
            copier.fillTo(connection, settings.events());
        }
        double filled = (System.nanoTime() - filling) / 1e9;
        Duration catchUp = stack.awaitCaughtUp(Duration.ofMinutes(60));
        report.tuned("fill", Map.of("events", stack.head(), "seconds", Latencies.round(filled),
                "projectionCaughtUpSecondsAfter", Latencies.round(catchUp.toMillis() / 1000.0)));
    }

    /**
     * Reads the event table raw (three times in each of PostgreSQL's formats, the median of each reported), then
     * rebuilds the read models from it: in the running query-service, as an operator
     * does with the actuator endpoint {@code rebuild} (the target's figure), then again at a restart with
     * {@code --tilsynsspor.rebuild-read-models=true} (the rebuild then shares the CPU with the service's start-up and
     * its JIT compiler).
     */
    private static void replay(Report report, BenchStack stack, Phases phases) throws Exception {
        report.tuned("settled", settle(stack, Duration.ofMinutes(10)));
        log("raw sequential reads of the event table, in text and in binary format");
        report.tuned("rawRead", phases.rawRead(false, 3));
        report.tuned("rawReadBinary", phases.rawRead(true, 3));
        log("rebuilding the read models in the running service");
        report.tuned("replay", phases.replayInRunningService(Duration.ofMinutes(60)));
        // the same rebuild again in the same service, its code now compiled: what the first one paid for warming up
        // (the last of them reported; no verdict)
        for (int i = 0; i < Integer.getInteger("bench.replay-again", 1); i++) {
            log("rebuilding the read models in the running service again");
            report.tuned("replayAgain", phases.replayInRunningService(Duration.ofMinutes(60)));
        }
        log("rebuilding the read models at a restart");
        report.tuned("replayAtStart", phases.replay(null, Duration.ofMinutes(60)));
    }

    /**
     * Settles the store before the raw read and the rebuilds are timed: a {@code VACUUM (ANALYZE)} of the event table,
     * then a wait until no autovacuum worker is running (at most {@code atMost}). Right after the fill PostgreSQL's
     * autovacuum still works through the million new rows (and the first read of each page writes its hint bits),
     * and that work fell into whichever phase came next: in runs of the replay alone, which follow the fill at once,
     * the raw read measured 125,000-240,000 events/s against 450,000 in a full run, and PostgreSQL's CPU in the rebuild
     * was three times the full run's. A store of a million events that an operator rebuilds has been vacuumed long
     * before; both figures of the ratio are now taken on such a store. Returns how long it took.
     */
    private static Map<String, Object> settle(BenchStack stack, Duration atMost) throws Exception {
        log("settling the store: VACUUM (ANALYZE) of the event table, then no autovacuum worker running");
        long started = System.nanoTime();
        boolean quiet = false;
        try (Connection connection = stack.connect(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE) " + stack.layout.eventTable());
            long deadline = System.nanoTime() + atMost.toNanos();
            while (!quiet && System.nanoTime() < deadline) {
                try (ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'"
                                + " AND datname = current_database()")) {
                    rows.next();
                    quiet = rows.getLong(1) == 0;
                }
                if (!quiet) {
                    Thread.sleep(1000);
                }
            }
        }
        return Map.of("seconds", Latencies.round((System.nanoTime() - started) / 1e9), "autovacuumDone", quiet);
    }

    /**
     * The plain endpoint and commands, in turns, then the lag under the commands' load. Both loads first run
     * unmeasured for {@code bench.phase-warmup-seconds} each: the JIT compiles a path's code only once it has run
     * often enough, and on two cores its compiler threads took up to a third of a service's CPU in a window that came
     * too soon (the report's {@code jitCompilerSeconds}), more in the plain window, whose endpoint nothing had called
     * before. The commands' path is far more code than the plain endpoint's: after 30 s of their load the compiler
     * still took 4-10 s of command-service's CPU in their windows, after 90 s about 2 s (ADR 11), so the default is
     * 90 s, to compare the two paths as a running service runs them. Then {@code bench.turns} plain windows alternate
     * with as many command windows, {@code bench.seconds} of each in all: on a machine whose speed drifts, one window
     * of each, one after the other, put the drift between them into their ratio (0.27 to 0.48 × in four runs of one
     * commit on one machine).
     */
    private static void commands(Settings settings, Report report, BenchStack stack, Phases phases)
            throws Exception {
        unmeasured(settings, "plain endpoint", phases::plain);
        stack.awaitCaughtUp(Duration.ofMinutes(10));
        warmCommands(settings, stack, phases);
        log("plain endpoint and commands: %d clients, %d s of each in %d turns", settings.clients(),
                settings.commandWindow().toSeconds(), settings.turns());
        Map<String, Map<String, Object>> inTurns = phases.plainAndCommandsInTurns(settings.commandWindow(),
                settings.turns());
        report.tuned("plain", inTurns.get("plain"));
        report.tuned("commands", inTurns.get("commands"));
        log("lag: %d clients for %d s, probed alongside", settings.clients(), settings.lagWindow().toSeconds());
        report.tuned("lag", phases.lag(settings.lagWindow()));
    }

    /** The commands' own load right before their window, unmeasured, as for the plain endpoint's. */
    private static void warmCommands(Settings settings, BenchStack stack, Phases phases) throws Exception {
        unmeasured(settings, "commands", window -> {
            phases.warmUp(window);
            stack.awaitCaughtUp(Duration.ofMinutes(10));
        });
    }

    /** A phase's load for {@code bench.phase-warmup-seconds}, unmeasured, right before its window (none if zero). */
    private static void unmeasured(Settings settings, String phase, Load load) throws Exception {
        if (!settings.phaseWarmUp().isZero()) {
            log("%s: %d clients for %d s, unmeasured", phase, settings.clients(), settings.phaseWarmUp().toSeconds());
            load.run(settings.phaseWarmUp());
        }
    }

    /** A phase's load, run for a window. */
    @FunctionalInterface
    private interface Load {
        void run(Duration window) throws Exception;
    }

    static final String STOCK_LAG_NOT_MEASURED = "the dossier reads the trail from Tilsynsspor's event table (ADR 24),"
            + " which the peer, writing with Axon's JPA engine to its own table, does not fill";

    /** The peer: the same runs on Axon's stock settings and its JPA engine (README, "Benchmark"). */
    private static void stock(Settings settings, Report report) throws Exception {
        log("Axon's stock settings: starting both services with profile axon-defaults and Hibernate (JPA engine)");
        try (BenchStack stack = BenchStack.stock()) {
            Phases phases = new Phases(stack, settings.clients());
            WorkedExample template = phases.example(stack.commands(nanos -> { }));
            Map<String, Object> store = stack.store();
            if ((long) store.get("events") == 0 || !Map.of(StoreLayout.TILSYNSSPOR.eventTable(), 0L)
                    .equals(store.get("eventsInOtherTables"))) {
                throw new IllegalStateException("the peer did not store its events with Axon's JPA engine: " + store);
            }
            report.stock("store", store);
            phases.warmUp(settings.warmUp());
            warmCommands(settings, stack, phases);
            log("commands: %d clients for %d s", settings.clients(), settings.commandWindow().toSeconds());
            report.stock("commands", phases.commands(settings.commandWindow(), null));
            // the replay's reset would otherwise find the commands' last events still being projected
            stack.awaitCaughtUp(Duration.ofMinutes(10));
            // Since ADR 24 the dossier reads the trail from Tilsynsspor's event table, which the peer (Axon's JPA
            // engine, its own table) does not write: no read of the peer's shows a new measurement, so the lag probe
            // has nothing to wait for there.
            log("lag: not measured on the peer (its reads do not show its events since ADR 24)");
            report.stock("lag", Map.of("measured", false, "why", STOCK_LAG_NOT_MEASURED));
            try (Connection connection = stack.connect()) {
                log("filling the store to %,d events", settings.events());
                new EventCopier(connection, stack.layout, UUID.fromString(template.orderId),
                        UUID.fromString(template.caseId)).fillTo(connection, settings.events());
            }
            log("rebuilding the read models for %d s", settings.peerReplay().toSeconds());
            report.stock("replayAtStart", phases.replay(settings.peerReplay(), Duration.ofMinutes(60)));
        }
    }

    static void log(String format, Object... arguments) {
        System.out.printf("[bench %s] %s%n", Instant.now(), String.format(format, arguments));
    }

    /** What the run was asked to do. */
    record Settings(String jdbcUrl, String jdbcUser, int clients, Duration warmUp, Duration phaseWarmUp,
                    Duration commandWindow, int turns,
                    Duration lagWindow, Duration ceiling, int appendWriters, int closeOrders, int openOrders,
                    int longStreamEvents, int restarts,
                    long events, long smallEvents, int requests, Duration peerReplay, Path out) {

        static Settings fromSystemProperties() {
            return new Settings(
                    System.getProperty("bench.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                    System.getProperty("bench.jdbc.user", "postgres"),
                    Integer.getInteger("bench.clients", 8),
                    Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 20)),
                    Duration.ofSeconds(Integer.getInteger("bench.phase-warmup-seconds", 90)),
                    Duration.ofSeconds(Integer.getInteger("bench.seconds", 60)),
                    Math.max(1, Integer.getInteger("bench.turns", 3)),
                    Duration.ofSeconds(Integer.getInteger("bench.lag-seconds", 30)),
                    Duration.ofSeconds(Integer.getInteger("bench.ceiling-seconds", 20)),
                    Integer.getInteger("bench.append-writers", 16),
                    Integer.getInteger("bench.close-orders", 100),
                    Integer.getInteger("bench.open-orders", 10_000),
                    Integer.getInteger("bench.long-stream-events", 10_000),
                    Math.max(1, Integer.getInteger("bench.restarts", 3)),
                    Long.getLong("bench.events", 1_000_000),
                    Long.getLong("bench.small-events", 10_000),
                    Integer.getInteger("bench.requests", 1000),
                    Duration.ofSeconds(Integer.getInteger("bench.peer-replay-seconds", 120)),
                    Path.of(System.getProperty("bench.out", "target/benchmark")));
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("clients", clients);
            map.put("warmUpSeconds", warmUp.toSeconds());
            map.put("phaseWarmUpSeconds", phaseWarmUp.toSeconds());
            map.put("commandSeconds", commandWindow.toSeconds());
            map.put("turns", turns);
            map.put("lagSeconds", lagWindow.toSeconds());
            map.put("appendSeconds", ceiling.toSeconds());
            map.put("appendWriters", appendWriters);
            map.put("closeOrders", closeOrders);
            map.put("openOrders", openOrders);
            map.put("longStreamEvents", longStreamEvents);
            map.put("restarts", restarts);
            map.put("events", events);
            map.put("smallEvents", smallEvents);
            map.put("requestsPerView", requests);
            map.put("peerReplaySeconds", peerReplay.toSeconds());
            return map;
        }
    }
}
