package dk.tilsynsspor.query.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tilsynsspor.query.it.Api;
import dk.tilsynsspor.query.it.WorkedExample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import static org.awaitility.Awaitility.await;

/** The measurements of one configuration of the services, each a method that returns its figures. */
final class Phases {

    private final BenchStack stack;
    private final int clients;
    private final AtomicInteger references = new AtomicInteger();

    Phases(BenchStack stack, int clients) {
        this.stack = stack;
        this.clients = clients;
    }

    /** A full worked example, concluded; the first one becomes the template of the generated events. */
    WorkedExample example(Api commands) {
        WorkedExample example = WorkedExample.verified(commands, reference());
        example.conclude();
        return example;
    }

    private String reference() {
        return "BENCH-" + references.incrementAndGet();
    }

    /** Every client runs worked examples for a while, so that the JIT and the pools are warm. */
    void warmUp(Duration duration) throws Exception {
        runClients(duration, nanos -> { }, null);
    }

    /**
     * The worked example's commands over HTTP: {@code clients} clients, each working through its own orders, one
     * command at a time. Only answers that arrived within the window count.
     */
    Map<String, Object> commands(Duration window, Latencies lag) throws Exception {
        Latencies latencies = new Latencies();
        long started = System.nanoTime();
        long end = started + window.toNanos();
        long eventsBefore = stack.head();
        long transactionsBefore = projectionTransactions();
        CpuShares cpu = CpuShares.start(stack);
        runClients(window, within(end, latencies), lag);
        Map<String, Object> cpuUsed = cpu.stop();
        long events = stack.head() - eventsBefore;
        Map<String, Object> figures = windowFigures(window.toNanos() / 1e9, "commands", latencies, events, cpuUsed);
        figures.put("projectionTransactionsPerEvent", events == 0 ? 0
                : Math.round((projectionTransactions() - transactionsBefore) * 1000.0 / events) / 1000.0);
        return figures;
    }

    /**
     * query-service's projection transactions so far, as PostgreSQL counts them: each commits its processor's token
     * (one update of {@code query.token_entry}; claims extended while idle count too, a few per minute). The server
     * publishes a backend's counts within a second or so of its transactions, so a window's difference is close.
     */
    private long projectionTransactions() throws java.sql.SQLException {
        try (Connection connection = stack.connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT coalesce(sum(n_tup_upd), 0) FROM pg_stat_user_tables"
                     + " WHERE schemaname = 'query' AND relname = 'token_entry'")) {
            count.next();
            return count.getLong(1);
        }
    }

    /**
     * A window's figures: its clients and seconds, requests ({@code "requests"}) or commands per second, the rows
     * or events appended, the latencies, the CPU by process, and the CPU per request or command.
     */
    private Map<String, Object> windowFigures(double seconds, String unit, Latencies latencies, long appended,
                                              Map<String, Object> cpu) {
        boolean commands = unit.equals("commands");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", clients);
        figures.put("seconds", seconds);
        figures.put(unit + "PerSecond", Latencies.round(latencies.count() / seconds));
        figures.put(commands ? "eventsAppended" : "rowsAppended", appended);
        figures.put("latency", latencies.summary());
        figures.put("cpu", cpu);
        figures.put(commands ? "cpuMicrosPerCommand" : "cpuMicrosPerRequest",
                CpuShares.perUnit(cpu, latencies.count()));
        return figures;
    }

    /**
     * The plain endpoint (command-service's profile {@code bench}): the same clients as {@link #commands}, each
     * posting measurements to it, one at a time, for the same window. Each client names an order of its own, so the
     * rows are linked into separate chains, as the commands' events are.
     */
    Map<String, Object> plain(Duration window) throws Exception {
        Latencies latencies = new Latencies();
        long eventsBefore = stack.head();
        CpuShares cpu = CpuShares.start(stack);
        plainClients(window, latencies);
        return windowFigures(window.toNanos() / 1e9, "requests", latencies, stack.head() - eventsBefore, cpu.stop());
    }

    /**
     * The plain endpoint and the commands measured in turns: {@code turns} plain windows and as many command windows
     * of {@code window / turns} each, alternated, the read models caught up after each. A machine whose speed drifts
     * over minutes (a shared one does) then weighs on both sides of the ratio alike, where one window of each, one
     * after the other, gave each side a different part of the drift. The figures are the turns' together (requests
     * and commands per second over all their windows, latencies and CPU pooled), with each turn's rates and ratio.
     */
    Map<String, Map<String, Object>> plainAndCommandsInTurns(Duration window, int turns) throws Exception {
        Duration slice = window.dividedBy(turns);
        double seconds = slice.toNanos() / 1e9;
        Latencies plainLatencies = new Latencies();
        Latencies commandLatencies = new Latencies();
        Map<String, Object> plainCpu = Map.of();
        Map<String, Object> commandCpu = Map.of();
        long rows = 0;
        long events = 0;
        List<Map<String, Object>> eachTurn = new ArrayList<>();
        for (int turn = 1; turn <= turns; turn++) {
            int requestsBefore = plainLatencies.count();
            long head = stack.head();
            CpuShares cpu = CpuShares.start(stack);
            plainClients(slice, plainLatencies);
            plainCpu = CpuShares.sum(plainCpu, cpu.stop());
            rows += stack.head() - head;
            stack.awaitCaughtUp(Duration.ofMinutes(10));

            int commandsBefore = commandLatencies.count();
            head = stack.head();
            cpu = CpuShares.start(stack);
            runClients(slice, within(System.nanoTime() + slice.toNanos(), commandLatencies), null);
            commandCpu = CpuShares.sum(commandCpu, cpu.stop());
            events += stack.head() - head;
            stack.awaitCaughtUp(Duration.ofMinutes(10));

            double requestsPerSecond = (plainLatencies.count() - requestsBefore) / seconds;
            double commandsPerSecond = (commandLatencies.count() - commandsBefore) / seconds;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("requestsPerSecond", Latencies.round(requestsPerSecond));
            figures.put("commandsPerSecond", Latencies.round(commandsPerSecond));
            figures.put("commandsPerRequest", Math.round(commandsPerSecond / requestsPerSecond * 1000) / 1000.0);
            eachTurn.add(figures);
            Benchmark.log("turn %d of %d: %s", turn, turns, figures);
        }
        Map<String, Object> plain = windowFigures(seconds * turns, "requests", plainLatencies, rows, plainCpu);
        plain.put("turns", turns);
        Map<String, Object> commands = windowFigures(seconds * turns, "commands", commandLatencies, events,
                commandCpu);
        commands.put("turns", turns);
        commands.put("eachTurn", eachTurn);
        return Map.of("plain", plain, "commands", commands);
    }

    /** The plain endpoint's clients for the window, each answer within it counted in {@code latencies}. */
    private void plainClients(Duration window, Latencies latencies) throws Exception {
        long end = System.nanoTime() + window.toNanos();
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            tasks.add(() -> {
                Api plain = stack.commands(within(end, latencies));
                String path = "/bench/plain/orders/" + UUID.randomUUID() + "/requirements/" + UUID.randomUUID()
                        + "/measurements";
                Map<String, Object> body = Map.of("value", 3, "measuredOn", "2026-11-01", "source",
                        "benchmark");
                while (System.nanoTime() < end) {
                    Api.Response stored = plain.post("leader", path, body);
                    if (stored.status() != 201) {
                        throw new IllegalStateException("plain endpoint answered " + stored.status() + ": "
                                + stored.body());
                    }
                }
                return null;
            });
        }
        inParallel(tasks);
    }

    /** The lag probe under the commands' load, in a window of its own (so its CPU is not the commands'). */
    Map<String, Object> lag(Duration window) throws Exception {
        Latencies lag = new Latencies();
        runClients(window, nanos -> { }, lag);
        return lag.summary();
    }

    private void runClients(Duration window, LongConsumer latencies, Latencies lag)
            throws Exception {
        long end = System.nanoTime() + window.toNanos();
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            tasks.add(() -> {
                Api commands = stack.commands(latencies);
                while (System.nanoTime() < end) {
                    example(commands);
                }
                return null;
            });
        }
        if (lag != null) {
            tasks.add(() -> {
                probeLag(end, lag);
                return null;
            });
        }
        inParallel(tasks);
    }

    /**
     * Imposes an order every 50 ms, alongside the load, and polls its audit trail on query-service (every 5 ms) until
     * it answers: the time from the command's 201 to its effect in a projected read model, the order's summary, which
     * the audit trail needs (404 before). Not the dossier: its content is folded from the trail, which is read from
     * the event store itself (ADR 24), so a command's event shows there at the first read and the probe would time
     * only that read.
     */
    private void probeLag(long end, Latencies lag) throws InterruptedException {
        Api commands = stack.commands(nanos -> { });
        Api queries = stack.queries(nanos -> { });
        while (System.nanoTime() < end) {
            WorkedExample order = WorkedExample.imposed(commands, reference());
            long answered = System.nanoTime();
            while (true) {
                int status = queries.get("inspector", order.order("/audit-trail")).status();
                if (status == 200) {
                    break;
                }
                if (status != 404) {
                    throw new IllegalStateException("audit trail of order " + order.orderId + " answered " + status);
                }
                Thread.sleep(5);
                if (System.nanoTime() - answered > Duration.ofSeconds(60).toNanos()) {
                    throw new IllegalStateException("order " + order.orderId + " not projected after 60 s");
                }
            }
            lag.add(System.nanoTime() - answered);
            Thread.sleep(50);
        }
    }

    /** How the appends of {@link #appends} meet the event table. */
    enum Appends {
        /** A new, empty table of the event table's shape and indexes, without its triggers. */
        NO_TRIGGERS,
        /**
         * The event table itself with its triggers disabled for this phase (the global index from its sequence in
         * the statement, as the trigger would take it): the same table, its size and indexes, without the triggers.
         */
        STORE_WITHOUT_TRIGGERS,
        /**
         * The event table itself, with its trigger (naming the event's order) and command-service's sealer linking
         * the rows into their chains meanwhile (ADR 28).
         */
        STORE_TRIGGERS,
        /** The event table with, for this phase only, the per-statement pg_notify trigger it had until V7. */
        STORE_TRIGGERS_AND_NOTIFY;

        /** The table its writers append to. */
        String table() {
            return this == NO_TRIGGERS ? "public.ceiling_event_entry" : "events.domain_event_entry";
        }
    }

    /**
     * Appends/s of {@code writers} JDBC writers for each of {@code variants}, in {@code turns} turns of one
     * {@code window} per variant, the variants' order reversed every other turn, each window begun right after a
     * checkpoint: a machine whose speed drifts over minutes then weighs on every variant alike, and no window meets a
     * checkpoint (and the full pages written after it) that another did not. The figures of each variant are its
     * turns' together (appends per second over all its windows, latencies and CPU pooled), with each turn's rate.
     */
    Map<Appends, Map<String, Object>> appendsInTurns(Duration window, int writers, int turns, List<Appends> variants)
            throws Exception {
        Map<Appends, Latencies> latencies = new LinkedHashMap<>();
        Map<Appends, Map<String, Object>> figures = new LinkedHashMap<>();
        for (Appends appends : variants) {
            latencies.put(appends, new Latencies());
            Map<String, Object> pooled = new LinkedHashMap<>();
            pooled.put("writers", writers);
            pooled.put("table", appends.table());
            pooled.put("turns", turns);
            pooled.put("seconds", Latencies.round(window.toNanos() / 1e9 * turns));
            pooled.put("cpu", Map.of());
            pooled.put("eachTurn", new ArrayList<Double>());
            figures.put(appends, pooled);
        }
        for (int turn = 1; turn <= turns; turn++) {
            List<Appends> inTurn = new ArrayList<>(variants);
            if (turn % 2 == 0) {
                Collections.reverse(inTurn);
            }
            for (Appends appends : inTurn) {
                Benchmark.log("appends, turn %d of %d: %d JDBC writers for %d s, %s", turn, turns, writers,
                        window.toSeconds(), appends);
                Map<String, Object> pooled = figures.get(appends);
                Map<String, Object> one = appends(window, writers, appends, latencies.get(appends));
                @SuppressWarnings("unchecked")
                List<Double> eachTurn = (List<Double>) pooled.get("eachTurn");
                eachTurn.add((Double) one.get("appendsPerSecond"));
                @SuppressWarnings("unchecked")
                Map<String, Object> cpu = (Map<String, Object>) pooled.get("cpu");
                pooled.put("cpu", CpuShares.sum(cpu, (Map<String, Object>) one.get("cpu")));
                for (String most : List.of("unsealedWhenTheWritersStopped", "secondsUntilAllSealed")) {
                    if (one.containsKey(most)) { // the turns' most
                        pooled.merge(most, one.get(most), (a, b) -> Math.max(((Number) a).doubleValue(),
                                ((Number) b).doubleValue()));
                    }
                }
            }
        }
        figures.forEach((appends, pooled) -> {
            pooled.put("appendsPerSecond", Latencies.round(latencies.get(appends).count()
                    / (window.toNanos() / 1e9 * turns)));
            pooled.put("latency", latencies.get(appends).summary());
        });
        return figures;
    }

    /**
     * Appends/s of {@code writers} JDBC writers in one window, one event-shaped row per transaction, each writer an
     * order (and chain) of its own: the event table's own cost at commit, which the commands pay too. Rows bound for
     * the event table carry a payload type no read model handles. Each append within the window is added to
     * {@code latencies}; the window's figures are its rate, its CPU and, with the sealer, how far behind it was.
     */
    Map<String, Object> appends(Duration window, int writers, Appends appends, Latencies latencies) throws Exception {
        List<byte[][]> samples = new ArrayList<>();
        try (Connection connection = stack.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS public.ceiling_event_entry");
            statement.execute("DROP SEQUENCE IF EXISTS public.ceiling_global_index");
            statement.execute("CREATE TABLE public.ceiling_event_entry "
                    + "(LIKE events.domain_event_entry INCLUDING ALL)");
            statement.execute("CREATE SEQUENCE public.ceiling_global_index");
            statement.execute("ALTER TABLE public.ceiling_event_entry ALTER COLUMN globalIndex "
                    + "SET DEFAULT nextval('public.ceiling_global_index')");
            if (appends == Appends.STORE_WITHOUT_TRIGGERS) {
                statement.execute("ALTER TABLE events.domain_event_entry DISABLE TRIGGER USER");
            }
            if (appends == Appends.STORE_TRIGGERS_AND_NOTIFY) {
                statement.execute("""
                        CREATE OR REPLACE FUNCTION public.bench_notify_appended() RETURNS trigger
                            LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('tilsynsspor_events', ''); RETURN NULL; END $$""");
                statement.execute("CREATE TRIGGER bench_appended AFTER INSERT ON events.domain_event_entry "
                        + "FOR EACH STATEMENT EXECUTE FUNCTION public.bench_notify_appended()");
            }
            try (ResultSet rows = statement.executeQuery("SELECT metaData, payload FROM events.domain_event_entry "
                    + "TABLESAMPLE SYSTEM (5) WHERE convert_from(payload, 'UTF8')::json ->> 'orderId' IS NOT NULL "
                    + "LIMIT 500")) {
                while (rows.next()) {
                    samples.add(new byte[][]{rows.getBytes(1), rows.getBytes(2)});
                }
            }
        }
        String table = appends.table();
        // the global index from the store's sequence, named in the statement, as its column's default takes it
        boolean ownIndex = appends == Appends.STORE_WITHOUT_TRIGGERS;
        List<UUID> orders = new CopyOnWriteArrayList<>();
        AtomicLong inserted = new AtomicLong();
        try (Connection connection = stack.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT"); // every window begins as long after one
        }
        long end = System.nanoTime() + window.toNanos();
        CpuShares cpu = CpuShares.start(stack);
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            tasks.add(() -> {
                String aggregate = UUID.randomUUID().toString();
                UUID orderId = UUID.randomUUID();
                orders.add(orderId);
                String order = orderId.toString();
                try (Connection connection = stack.connect(); PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO " + table + (ownIndex ? """
                                 (globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,
                                  payload, payloadRevision, payloadType, timeStamp)
                                VALUES (nextval('events.domain_event_entry_globalindex_seq'), ?, ?, 'BenchAppend', ?,
                                        ?, ?, NULL, 'dk.tilsynsspor.bench.Append', ?)""" : """
                                 (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload,
                                  payloadRevision, payloadType, timeStamp)
                                VALUES (?, ?, 'BenchAppend', ?, ?, ?, NULL, 'dk.tilsynsspor.bench.Append', ?)"""))) {
                    connection.setAutoCommit(true);
                    long sequence = 0;
                    while (System.nanoTime() < end) {
                        byte[][] sample = samples.get(ThreadLocalRandom.current().nextInt(samples.size()));
                        insert.setString(1, aggregate);
                        insert.setLong(2, sequence++);
                        insert.setString(3, UUID.randomUUID().toString());
                        insert.setBytes(4, sample[0]);
                        insert.setBytes(5, withOrder(sample[1], order));
                        insert.setString(6, Instant.now().toString());
                        long started = System.nanoTime();
                        insert.executeUpdate();
                        long took = System.nanoTime() - started;
                        if (System.nanoTime() <= end) {
                            latencies.add(took);
                            inserted.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        try {
            inParallel(tasks);
        } finally {
            if (appends == Appends.STORE_TRIGGERS_AND_NOTIFY) {
                try (Connection connection = stack.connect(); Statement statement = connection.createStatement()) {
                    statement.execute("DROP TRIGGER bench_appended ON events.domain_event_entry");
                }
            }
            if (appends == Appends.STORE_WITHOUT_TRIGGERS) {
                try (Connection connection = stack.connect(); Statement statement = connection.createStatement()) {
                    statement.execute("ALTER TABLE events.domain_event_entry ENABLE TRIGGER USER");
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("appendsPerSecond", Latencies.round(inserted.get() / (window.toNanos() / 1e9)));
        figures.put("cpu", cpu.stop());
        if (appends == Appends.STORE_TRIGGERS) {
            // the sealer's CPU is in the window's; how far behind it was when the writers stopped, and how long it
            // took to link the rest
            long stopped = System.nanoTime();
            long behind = unsealed(orders);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> unsealed(orders) == 0);
            figures.put("unsealedWhenTheWritersStopped", behind);
            figures.put("secondsUntilAllSealed", Latencies.round((System.nanoTime() - stopped) / 1e9));
        }
        return figures;
    }

    /** How many of these orders' events are not sealed into their chains yet. */
    private long unsealed(List<UUID> orders) throws SQLException {
        try (Connection connection = stack.connect(); PreparedStatement count = connection.prepareStatement("""
                SELECT count(*) FROM events.domain_event_entry d
                 WHERE d.chainOrderId = ANY (?)
                   AND NOT EXISTS (SELECT 1 FROM events.chain_link k WHERE k.global_index = d.globalIndex)""")) {
            count.setArray(1, connection.createArrayOf("uuid", orders.toArray()));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The sampled payload with its order id replaced by the writer's (every sample names the template's order). */
    private static byte[] withOrder(byte[] payload, String order) {
        String text = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        return text.replaceFirst("\"orderId\":\"[0-9a-f-]{36}\"", "\"orderId\":\"" + order + "\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * What closing an order costs with few and with many other open orders' deadlines scheduled: {@code orders}
     * orders beside each are verified, reported and accepted (not timed), then closed one at a time (timed). The two
     * sides alternate in {@code turns} turns of {@code orders / turns} closings each (few first), the deadlines padded
     * to the turn's side before it: closings of 2-3 ms on a machine whose speed drifts within minutes put the drift
     * between the sides into their ratio when all of one side came first (0.83 to 1.60 x over runs with nothing in
     * the path changed). Other orders' deadlines are copies of an open order's rows in db-scheduler's table, so the
     * cost of a search through them shows.
     */
    Map<String, Object> closeCost(int orders, int few, int many, int turns) throws Exception {
        Api untimed = stack.commands(nanos -> { });
        WorkedExample open = WorkedExample.imposed(untimed, reference());
        Map<Integer, Latencies> closings = new LinkedHashMap<>();
        Map<Integer, Long> deadlines = new LinkedHashMap<>();
        closings.put(few, new Latencies());
        closings.put(many, new Latencies());
        for (int turn = 0; turn < turns; turn++) {
            int inTurn = orders / turns + (turn < orders % turns ? 1 : 0);
            for (int openOrders : List.of(few, many)) {
                deadlines.put(openOrders, padDeadlines(open.orderId, openOrders));
                Api timed = stack.commands(closings.get(openOrders)::add);
                int warmUp = turn == 0 ? 5 : 0; // the first five of each side warm up, unmeasured
                for (int i = 0; i < inTurn + warmUp; i++) {
                    WorkedExample order = WorkedExample.verified(untimed, reference());
                    expect(200, untimed.post("leader", order.order("/compliance-report"), Map.of("summary",
                            "Begge krav er fulgt op og verificeret")));
                    expect(200, untimed.post("inspector", order.order("/decision"), Map.of("decision", "ACCEPT")));
                    Api closer = i < warmUp ? untimed : timed;
                    expect(200, closer.post("inspector", order.order("/closure"), Map.of("outcome", "COMPLIED",
                            "reason", "Påbuddet er efterkommet")));
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int openOrders : List.of(few, many)) {
            Map<String, Object> summary = new LinkedHashMap<>(closings.get(openOrders).summary());
            summary.put("scheduledDeadlines", deadlines.get(openOrders));
            figures.put(openOrders == few ? "fewOpenOrders" : "manyOpenOrders", summary);
            figures.put(openOrders == few ? "few" : "many", openOrders);
        }
        figures.put("turns", turns);
        try (Connection connection = stack.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM command.scheduled_tasks WHERE task_instance LIKE 'bench-%'");
        }
        return figures;
    }

    /**
     * Long streams: {@code orders} orders of {@code events} events each (measurements copied in SQL onto one recorded
     * over HTTP, so the aggregate replays real events of its own), against as many short ones. Reports warm command
     * throughput on each (every client on an order of its own, recording measurements for {@code window}), then
     * restarts command-service, sends one command to a short order (the service's cold start, reported apart) and
     * times the first command on each long order (its aggregate read from the store: its snapshot and the events
     * after it); {@code restarts} times, the first commands of all of them pooled for the percentiles (with one
     * restart the p99 was the slowest of 8, and moved between 56 and 170 ms across runs of unchanged code), and each
     * restart's own figures beside them.
     */
    Map<String, Object> longStreams(int orders, int events, Duration window, int restarts) throws Exception {
        Api untimed = stack.commands(nanos -> { });
        List<WorkedExample> longOrders = new ArrayList<>();
        List<WorkedExample> shortOrders = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            WorkedExample order = WorkedExample.imposed(untimed, reference());
            order.acknowledgeAndPlan();
            expect(201, untimed.post("leader", order.requirement(order.restraintRequirement, "/measurements"),
                    measurement(0)));
            lengthen(order.orderId, events);
            longOrders.add(order);
            WorkedExample short_ = WorkedExample.imposed(untimed, reference());
            short_.acknowledgeAndPlan();
            shortOrders.add(short_);
        }
        stack.awaitCaughtUp(Duration.ofMinutes(20));
        // Lengthening an order in one statement had its 10,000 events sealed in a rush, and the copies projected
        // in a rush: vacuumed now, as autovacuum would have done along the way in a store that grew over years,
        // rather than during the windows.
        try (Connection connection = stack.connect(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE events.order_chain, events.chain_link, events.domain_event_entry");
        }
        for (int i = 0; i < orders; i++) { // warm: each aggregate read from its events once, before the windows
            expect(201, untimed.post("leader", longOrders.get(i).requirement(longOrders.get(i).restraintRequirement,
                    "/measurements"), measurement(i + 1)));
            expect(201, untimed.post("leader", shortOrders.get(i).requirement(
                    shortOrders.get(i).restraintRequirement, "/measurements"), measurement(i + 1)));
        }
        // The long orders were lengthened in SQL, so their first reading (just now) found no snapshot and asked for
        // one: the windows start once the snapshotter has taken them, as a store that took them along the way has.
        long snapshotting = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> snapshotted(longOrders, events));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("orders", orders);
        figures.put("eventsPerLongOrder", eventsOf(longOrders.get(0).orderId));
        figures.put("secondsUntilSnapshotted", Latencies.round((System.nanoTime() - snapshotting) / 1e9));
        figures.put("shortOrders", measure(shortOrders, window));
        figures.put("longOrders", measure(longOrders, window));

        Latencies firstOnAShortOrder = new Latencies();
        Latencies first = new Latencies();
        Latencies firstThreadCpu = new Latencies();
        List<Map<String, Object>> eachRestart = new ArrayList<>();
        for (int restart = 1; restart <= restarts; restart++) {
            stack.commandService.stop();
            stack.commandService.start();
            // The restarted service's very first command pays for its cold start (lazy servlet, classes, JIT)
            // whatever the order: it goes to a short order and is reported apart, so the long orders' figure is
            // their stream's.
            expect(201, stack.commands(firstOnAShortOrder::add).post("leader", shortOrders.get(0).requirement(
                    shortOrders.get(0).restraintRequirement, "/measurements"), measurement(orders + restart)));
            Latencies afterThisRestart = new Latencies();
            Api timed = stack.commands(nanos -> {
                first.add(nanos);
                afterThisRestart.add(nanos);
            });
            for (int i = 0; i < longOrders.size(); i++) {
                WorkedExample order = longOrders.get(i);
                expect(201, timed.post("leader", order.requirement(order.restraintRequirement, "/measurements"),
                        measurement(i + restart)));
            }
            Map<String, Object> thisRestart = new LinkedHashMap<>(afterThisRestart.summary());
            Latencies threadCpu = new Latencies();
            for (long nanos : requestThreadCpu(longOrders.size())) {
                threadCpu.add(nanos);
                firstThreadCpu.add(nanos);
            }
            thisRestart.put("threadCpu", threadCpu.summary());
            thisRestart.put("msInOrder", afterThisRestart.inOrderMillis()); // each first command, in the order sent
            thisRestart.put("threadCpuMsInOrder", threadCpu.inOrderMillis());
            eachRestart.add(thisRestart);
            Benchmark.log("restart %d of %d: first command on each long order %s", restart, restarts, thisRestart);
        }
        figures.put("restarts", restarts);
        figures.put("firstCommandAfterRestartOnAShortOrder", firstOnAShortOrder.summary());
        figures.put("firstCommandAfterRestart", first.summary());
        figures.put("firstCommandAfterRestartThreadCpu", firstThreadCpu.summary());
        figures.put("firstCommandAfterEachRestart", eachRestart);
        return figures;
    }

    /**
     * The CPU time, in nanoseconds, of command-service's threads that served its latest {@code commands} commands
     * (the benchmark's {@code RequestCpu}, a list it hands out once): the work each first command did itself, without
     * what the compiler, the collector or PostgreSQL ran on the same cores meanwhile.
     */
    private long[] requestThreadCpu(int commands) {
        Api.Response served = stack.commands(nanos -> { }).get("leader", "/bench/request-cpu");
        expect(200, served);
        List<JsonNode> all = new ArrayList<>();
        served.body().forEach(all::add);
        if (all.size() < commands) {
            throw new IllegalStateException("command-service kept " + all.size() + " commands, not " + commands);
        }
        return all.subList(all.size() - commands, all.size()).stream()
                .mapToLong(command -> Math.round(command.get("cpuMs").asDouble() * 1e6)).toArray();
    }

    private static Map<String, Object> measurement(int n) {
        return Map.of("value", 3, "measuredOn", LocalDate.of(2026, 1, 1).plusDays(n % 300).toString(),
                "source", "benchmark");
    }

    /** Warm measurements, each client on one of the orders, for the window: commands/s and latency. */
    private Map<String, Object> measure(List<WorkedExample> orders, Duration window) throws Exception {
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + window.toNanos();
        List<Callable<Object>> tasks = new ArrayList<>();
        for (WorkedExample order : orders) {
            tasks.add(() -> {
                Api api = stack.commands(within(end, latencies));
                int n = 0;
                while (System.nanoTime() < end) {
                    expect(201, api.post("leader", order.requirement(order.restraintRequirement,
                            "/measurements"), measurement(n++)));
                }
                return null;
            });
        }
        inParallel(tasks);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("commandsPerSecond", Latencies.round(latencies.count() / (window.toNanos() / 1e9)));
        figures.put("latency", latencies.summary());
        return figures;
    }

    /** Copies the order's last measurement until the order has {@code events} events (new ids, next sequences). */
    private void lengthen(String orderId, int events) throws Exception {
        try (Connection connection = stack.connect(); PreparedStatement copy = connection.prepareStatement("""
                INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                    metaData, payload, payloadRevision, payloadType, timeStamp)
                SELECT e.aggregateIdentifier, e.sequenceNumber + n, e.type, gen_random_uuid()::text, e.metaData,
                       convert_to(jsonb_set(convert_from(e.payload, 'UTF8')::jsonb, '{measurementId}',
                                            to_jsonb(gen_random_uuid()::text))::text, 'UTF8'),
                       e.payloadRevision, e.payloadType, e.timeStamp
                  FROM (SELECT * FROM events.domain_event_entry WHERE aggregateIdentifier = ?
                         ORDER BY sequenceNumber DESC LIMIT 1) e
                 CROSS JOIN generate_series(1, ? - 1 - e.sequenceNumber) n""")) {
            copy.setString(1, orderId);
            copy.setInt(2, events);
            copy.executeUpdate();
        }
    }

    /** Whether each order has a snapshot of at least its first {@code events} events. */
    private boolean snapshotted(List<WorkedExample> orders, int events) throws Exception {
        try (Connection connection = stack.connect(); PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM events.snapshot_event_entry WHERE aggregateIdentifier = ANY (?)"
                        + " AND sequenceNumber >= ?")) {
            count.setArray(1, connection.createArrayOf("text", orders.stream().map(o -> o.orderId).toArray()));
            count.setLong(2, events - 1);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1) >= orders.size();
            }
        }
    }

    private long eventsOf(String aggregateId) throws Exception {
        try (Connection connection = stack.connect(); PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM events.domain_event_entry WHERE aggregateIdentifier = ?")) {
            count.setString(1, aggregateId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Copies of one open order's scheduled deadlines, as if {@code openOrders} orders were open, the table vacuumed and
     * analysed after (the sides alternate, and the other side's copies would otherwise stay as dead rows); answers the
     * rows.
     */
    private long padDeadlines(String openOrderId, int openOrders) throws Exception {
        try (Connection connection = stack.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM command.scheduled_tasks WHERE task_instance LIKE 'bench-%'");
            try (PreparedStatement copy = connection.prepareStatement("""
                    INSERT INTO command.scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,
                        version, priority)
                    SELECT t.task_name, 'bench-' || n || '-' || t.task_instance, t.task_data, t.execution_time, FALSE,
                        1, t.priority
                      FROM command.scheduled_tasks t
                      JOIN command.scheduled_deadline d ON d.schedule_id = t.task_instance
                     CROSS JOIN generate_series(1, ?) n
                     WHERE d.scope LIKE '%' || ? || '%'""")) {
                copy.setInt(1, openOrders - 1);
                copy.setString(2, openOrderId);
                copy.executeUpdate();
            }
            statement.execute("VACUUM (ANALYZE) command.scheduled_tasks");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM command.scheduled_tasks")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Api.Response expect(int status, Api.Response response) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.status() + ": "
                    + response.body());
        }
        return response;
    }

    /** Runs each task on a thread of its own and waits for all; the first failure is thrown and stops the rest. */
    private static void inParallel(List<Callable<Object>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Object>> running = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                running.add(pool.submit(task));
            }
            for (Future<Object> task : running) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Adds a latency to {@code latencies} only if it was measured before {@code end} (a window's answers). */
    private static LongConsumer within(long end, Latencies latencies) {
        return nanos -> {
            if (System.nanoTime() <= end) {
                latencies.add(nanos);
            }
        };
    }

    /** Dossier and audit-trail latency of one order, one request at a time. */
    Map<String, Object> flatCost(WorkedExample order, int requests) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("eventsInStore", stack.head());
        for (String view : List.of("dossier", "audit-trail")) {
            Latencies latencies = new Latencies();
            Api queries = stack.queries(latencies::add);
            Api warm = stack.queries(nanos -> { });
            for (int i = 0; i < requests; i++) { // as many again unmeasured first: the JIT's share stays out
                warm.get("inspector", order.order("/" + view));
            }
            for (int i = 0; i < requests; i++) {
                Api.Response answer = queries.get("inspector", order.order("/" + view));
                if (answer.status() != 200) {
                    throw new IllegalStateException(view + " answered " + answer.status() + ": " + answer.body());
                }
            }
            figures.put(view.equals("dossier") ? "dossier" : "auditTrail", latencies.summary());
        }
        return figures;
    }

    /**
     * Reads every column of every stored event in global-index order, as fast as JDBC can: events/s, the median of
     * {@code times} reads (the single read's rate varied by half between runs on one machine). {@code binary}: in
     * PostgreSQL's binary format, as a statement prepared on the server is answered (the rebuild's reads are, since
     * they are prepared so); otherwise in text, as a plain statement is answered, its {@code bytea} columns spelt out
     * in hexadecimal (the raw read every earlier run measured).
     */
    Map<String, Object> rawRead(boolean binary, int times) throws Exception {
        Map<String, Object> figures = timedReads(times, "megabytes", () -> {
            long events = 0;
            long bytes = 0;
            try (Connection connection = stack.connect()) {
                connection.setAutoCommit(false);
                try (PreparedStatement statement = connection.prepareStatement("""
                        SELECT globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,
                               payload, payloadRevision, payloadType, timeStamp
                          FROM events.domain_event_entry ORDER BY globalIndex""")) {
                    statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(binary ? -1 : 0);
                    statement.setFetchSize(1000);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            rows.getLong(1);
                            rows.getString(2);
                            rows.getLong(3);
                            rows.getString(4);
                            rows.getString(5);
                            byte[] metaData = rows.getBytes(6);
                            bytes += rows.getBytes(7).length + (metaData == null ? 0 : metaData.length);
                            rows.getString(8);
                            rows.getString(9);
                            rows.getString(10);
                            events++;
                        }
                    }
                }
                connection.commit();
            }
            return new Read(events, bytes);
        });
        figures.put("format", binary ? "binary" : "text");
        return figures;
    }

    /** What one raw read took in: events and bytes. */
    record Read(long events, long bytes) {
    }

    /** One raw read of the whole store. */
    interface ReadOnce {
        Read read() throws Exception;
    }

    /**
     * Times {@code times} reads of the whole store: events, megabytes (under {@code bytesFigure}), events/s as the
     * median of the reads (a single read's rate varied by half between runs on one machine) and each read's rate.
     */
    static Map<String, Object> timedReads(int times, String bytesFigure, ReadOnce once) throws Exception {
        List<Double> rates = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int time = 0; time < times; time++) {
            long started = System.nanoTime();
            Read read = once.read();
            double seconds = (System.nanoTime() - started) / 1e9;
            rates.add(read.events() / seconds);
            figures.put("events", read.events());
            figures.put(bytesFigure, Latencies.round(read.bytes() / 1e6));
        }
        List<Double> sorted = rates.stream().sorted().toList();
        figures.put("eventsPerSecond", Math.round(sorted.get(sorted.size() / 2)));
        figures.put("eachRead", rates.stream().map(Math::round).toList());
        return figures;
    }

    /**
     * Restarts query-service with {@code tilsynsspor.rebuild-read-models=true} and times the rebuild from the moment
     * its replay token is seen until the projection is back at the head; with {@code window}, stops counting
     * after that long and reports the rate so far. The tokens are watched while the service is still starting: the
     * rebuild begins before the service answers on HTTP (ADR 22).
     */
    Map<String, Object> replay(Duration window, Duration limit) throws Exception {
        long head = stack.head();
        stack.queryService.stop();
        long restarting = System.nanoTime();
        CompletableFuture<Void> starting = CompletableFuture.runAsync(
                () -> stack.queryService.start("--tilsynsspor.rebuild-read-models=true"));
        try {
            return timedReplay(head, restarting, window, limit);
        } finally {
            starting.join();
        }
    }

    /**
     * Rebuilds the read models in the running query-service through its actuator endpoint {@code rebuild} (over JMX,
     * as an operator would) and times it as {@link #replay} does, from the moment its replay token is seen.
     */
    Map<String, Object> replayInRunningService(Duration limit) throws Exception {
        long head = stack.head();
        long asked = System.nanoTime();
        Object answer = stack.queryService.invokeEndpoint("rebuild", "rebuild");
        if (!(answer instanceof Map<?, ?> started) || !Boolean.TRUE.equals(started.get("started"))) {
            throw new IllegalStateException("the rebuild did not start: " + answer);
        }
        Map<String, Object> figures = timedReplay(head, asked, null, limit);
        // its processors back in charge (the rebuild's threads have released their parts) before the next phase
        long done = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!(stack.queryService.invokeEndpoint("rebuild", "underWay") instanceof Map<?, ?> state
                && Boolean.FALSE.equals(state.get("underWay")))) {
            if (System.nanoTime() > done) {
                throw new IllegalStateException("the rebuild in the running service did not end");
            }
            Thread.sleep(200);
        }
        return figures;
    }

    private Map<String, Object> timedReplay(long head, long restarting, Duration window, Duration limit)
            throws Exception {
        BenchStack.Progress first;
        // a replay token behind the head: a rebuild's (one that has finished keeps its replay tokens at the head
        // until the next event arrives)
        while (!(first = stack.progress()).replaying() || first.position() >= head) {
            if (System.nanoTime() - restarting > Duration.ofMinutes(3).toNanos()) {
                throw new IllegalStateException("the rebuild did not start: " + first);
            }
            Thread.sleep(20);
        }
        long started = System.nanoTime();
        CpuShares cpu = CpuShares.start(stack);
        long from = Math.max(0, first.position());
        BenchStack.Progress progress = first;
        boolean complete;
        while (true) {
            progress = stack.progress();
            // Axon ends the replay flag only with the first event after the reset point: the head counts.
            complete = progress.position() >= head;
            long elapsed = System.nanoTime() - started;
            if (complete || (window != null && elapsed >= window.toNanos())) {
                break;
            }
            if (elapsed > limit.toNanos()) {
                throw new IllegalStateException("rebuild at " + progress + " of " + head + " after " + limit);
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long events = Math.min(progress.position(), head) - from;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("eventsInStore", head);
        figures.put("eventsReplayed", events);
        figures.put("complete", complete);
        figures.put("seconds", Latencies.round(seconds));
        figures.put("eventsPerSecond", Math.round(events / seconds));
        figures.put("cpu", cpu.stop());
        return figures;
    }
}
