package dk.tilsynsspor.query.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tilsynsspor.query.it.Api;
import dk.tilsynsspor.query.it.AxonServer;
import dk.tilsynsspor.query.it.ServiceProcess;
import dk.tilsynsspor.query.it.TestDatabase;
import dk.tilsynsspor.query.it.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Both services, as separate processes with bearer-token identity, on a fresh database of the PostgreSQL server:
 * as they ship ({@link #tuned()}), or on Axon's stock settings with its JPA engine ({@link #stock()}).
 */
final class BenchStack implements AutoCloseable {

    /** Where the projections stand: the slowest one's position in the global index, and whether any rebuilds. */
    record Progress(long position, boolean replaying) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every read model's processor: a rebuild is done when the slowest of them is. */
    private static final List<String> PROCESSORS = List.of("order-trail", "notifications");
    /** command-service's Spring profile with the plain endpoint (compiled in by -Pbench only). */
    static final String PLAIN_PROFILE = "bench";
    /** Hibernate and Spring's JPA support, copied there by core's {@code bench} profile. */
    private static final Path STOCK_JPA_LIBRARIES = Path.of("..", "core", "messages", "target", "stock-jpa");

    final StoreLayout layout;
    /** With Axon Server: the benchmark's connection to its event store, which then holds the events (else null). */
    final AxonServerStore axonServer;
    /** The process id of the Axon Server this run started (its CPU is counted as a party of its own), else -1. */
    long axonServerPid = -1;
    final TestDatabase database = TestDatabase.create();
    final Tokens tokens = new Tokens();
    final ServiceProcess commandService;
    final ServiceProcess queryService;

    /** The services as they ship. */
    static BenchStack tuned() {
        return new BenchStack(StoreLayout.TILSYNSSPOR, Map.of(), Map.of("SPRING_PROFILES_ACTIVE", PLAIN_PROFILE),
                null, null);
    }

    /**
     * The services as they ship in profile {@code axonserver}, against that Axon Server: the events there, the rest
     * in PostgreSQL, the chain on command-service's mirror of the events in PostgreSQL's event table
     * ({@link #layout}).
     */
    static BenchStack onAxonServer(AxonServer server) {
        BenchStack stack = new BenchStack(StoreLayout.TILSYNSSPOR, Map.of("SPRING_PROFILES_ACTIVE", "axonserver",
                "AXONSERVER_SERVERS", server.grpcAddress()), Map.of(), null,
                new AxonServerStore(server.grpcAddress()));
        stack.axonServerPid = server.pid();
        return stack;
    }

    /**
     * Both services in profile {@code axon-defaults} with Hibernate on their class path, so that Axon's
     * auto-configuration gives them its JPA engine and JPA token store, its tracking processor and no aggregate
     * cache; Hibernate makes Axon's tables as its mapping says (command-service starts first and creates them).
     */
    static BenchStack stock() {
        return new BenchStack(StoreLayout.AXON_JPA, Map.of("SPRING_PROFILES_ACTIVE", "axon-defaults"),
                Map.of("SPRING_JPA_HIBERNATE_DDL_AUTO", "update"), STOCK_JPA_LIBRARIES, null);
    }

    private BenchStack(StoreLayout layout, Map<String, String> settings, Map<String, String> commandSettings,
                       Path libraries, AxonServerStore axonServer) {
        if (!database.onServer()) {
            throw new IllegalStateException("the benchmark runs on a PostgreSQL server: set -Dbench.jdbc.url");
        }
        this.layout = layout;
        this.axonServer = axonServer;
        Map<String, String> environment = new HashMap<>(settings);
        environment.putAll(Map.of(
                "SPRING_DATASOURCE_URL", database.url(),
                "SPRING_DATASOURCE_USERNAME", database.user(),
                "SPRING_DATASOURCE_PASSWORD", database.password(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION",
                "file:" + tokens.publicKey().toAbsolutePath()));
        Map<String, String> commandEnvironment = new HashMap<>(environment);
        commandEnvironment.putAll(commandSettings);
        commandService = new ServiceProcess("command-service", ServiceProcess.COMMAND_SERVICE_JAR,
                recorded(commandEnvironment, "command-service"), libraries);
        queryService = new ServiceProcess("query-service", ServiceProcess.QUERY_SERVICE_JAR,
                recorded(environment, "query-service"), libraries);
        commandService.start();
        queryService.start();
    }

    /** With {@code bench.jfr} (a folder), each service process keeps a flight recording there. */
    private static Map<String, String> recorded(Map<String, String> environment, String service) {
        String recordings = System.getProperty("bench.jfr", "");
        if (recordings.isBlank()) {
            return environment;
        }
        // a folder of its own per service: the JVM names each recording by process and time, so a restart keeps both
        Path folder = Path.of(recordings).toAbsolutePath().resolve(service);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> recorded = new HashMap<>(environment);
        recorded.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                + folder);
        return recorded;
    }

    Api commands(LongConsumer latencies) {
        return new Api(commandService.baseUrl(), tokens, latencies);
    }

    Api queries(LongConsumer latencies) {
        return new Api(queryService.baseUrl(), tokens, latencies);
    }

    Connection connect() throws SQLException {
        return database.connect();
    }

    /** The position of the last stored event: the highest global index, or Axon Server's last token. */
    long head() throws Exception {
        if (axonServer != null) {
            return axonServer.head();
        }
        try (Connection connection = connect()) {
            return layout.head(connection);
        }
    }

    /**
     * The connection the benchmark watches the processors' tokens on, opened once: a new connection for every look (20
     * a second while a rebuild is timed) started a PostgreSQL backend each time, whose start-up took about a third of
     * PostgreSQL's CPU in the replay phase on a 2-core machine, from the rebuild being timed.
     */
    private Connection watching;

    private Connection watching() throws SQLException {
        if (watching == null || !watching.isValid(1)) {
            if (watching != null) {
                watching.close();
            }
            watching = connect();
        }
        return watching;
    }

    /** Read from the processors' tokens, as query-service stored them. */
    Progress progress() throws SQLException, IOException {
        long position = Long.MAX_VALUE;
        boolean replaying = false;
        Connection connection = watching();
        for (String processor : PROCESSORS) {
            try (PreparedStatement select = prepared(connection, layout.tokenQuery(), processor);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) { // one row per segment: the slowest segment counts
                    byte[] token = rows.getBytes(2);
                    JsonNode tree = token == null ? null
                            : JSON.readTree(new String(token, StandardCharsets.UTF_8));
                    replaying |= rows.getString(1) != null && rows.getString(1).endsWith("ReplayToken");
                    position = Math.min(position, index(tree));
                }
            }
        }
        return new Progress(position == Long.MAX_VALUE ? -1 : position, replaying);
    }

    /**
     * The global index a token has reached: a replay token's current token (replay tokens nest when a processor
     * that is still in its first run is reset), -1 before the first event. A gap-aware token (PostgreSQL's store)
     * names it {@code index}, Axon Server's global sequence token {@code globalIndex}.
     */
    private static long index(JsonNode token) {
        JsonNode current = token;
        while (current != null && current.has("currentToken")) {
            current = current.get("currentToken");
        }
        if (current == null || current.isNull()) {
            return -1;
        }
        JsonNode index = current.has("index") ? current.get("index") : current.get("globalIndex");
        return index == null ? -1 : index.asLong();
    }

    private static PreparedStatement prepared(Connection connection, String sql, String parameter)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, parameter);
        return statement;
    }

    /**
     * What holds the events: the table, its rows, the type of its payload column, and the rows in the other
     * layout's table (none, or the configuration did not run as described).
     */
    Map<String, Object> store() throws SQLException {
        Map<String, Object> store = new LinkedHashMap<>();
        try (Connection connection = connect()) {
            store.put("eventTable", layout.eventTable());
            store.put("events", layout.count(connection));
            String[] table = layout.eventTable().split("\\.");
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT data_type FROM information_schema.columns
                     WHERE table_schema = ? AND table_name = ? AND column_name = 'payload'""")) {
                select.setString(1, table[0]);
                select.setString(2, table[1]);
                try (ResultSet rows = select.executeQuery()) {
                    store.put("payloadColumnType", rows.next() ? rows.getString(1) : null);
                }
            }
            Map<String, Object> elsewhere = new LinkedHashMap<>();
            for (StoreLayout other : StoreLayout.values()) {
                if (other != layout) {
                    elsewhere.put(other.eventTable(), other.exists(connection) ? other.count(connection) : "none");
                }
            }
            store.put("eventsInOtherTables", elsewhere);
        }
        return store;
    }

    /**
     * Waits until query-service has projected everything stored (and, with Axon Server, command-service has mirrored
     * it into PostgreSQL's event table) and command-service has sealed it into the orders' chains (ADR 28), so that
     * no sealing competes with the phase that follows; returns how long that took.
     */
    Duration awaitCaughtUp(Duration limit) throws Exception {
        long head = head();
        long started = System.nanoTime();
        boolean projected = false;
        boolean linked = false;
        while (true) {
            Progress progress = progress();
            long mirrored = mirrored();
            if (!projected && progress.position() >= head && axonServer != null) {
                Benchmark.log("query-service projected up to %,d after %.1f s", head,
                        (System.nanoTime() - started) / 1e9);
            }
            if (!linked && mirrored >= head && axonServer != null) {
                Benchmark.log("command-service mirrored up to %,d after %.1f s", head,
                        (System.nanoTime() - started) / 1e9);
            }
            projected = progress.position() >= head;
            linked = mirrored >= head;
            if (projected && linked && sealed()) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            if (System.nanoTime() - started > limit.toNanos()) {
                throw new IllegalStateException("query-service at " + progress + ", the mirror at " + mirrored
                        + " of " + head + " after " + limit);
            }
            Thread.sleep(100);
        }
    }

    /** Whether every event of PostgreSQL's event table that names an order is sealed into its chain. */
    private boolean sealed() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet answer = statement.executeQuery("""
                     SELECT NOT EXISTS (SELECT 1 FROM events.domain_event_entry d, events.chain_sealed m
                                         WHERE d.chainOrderId IS NOT NULL AND d.appendTx IS NOT NULL
                                           AND (d.appendTx, d.globalIndex) > (m.append_tx, m.global_index))""")) {
            answer.next();
            return answer.getBoolean(1);
        }
    }

    /** With Axon Server, the global index of the last event mirrored into PostgreSQL; else no limit. */
    private long mirrored() throws SQLException {
        return axonServer == null ? Long.MAX_VALUE : layout.head(watching());
    }

    @Override
    public void close() throws IOException {
        try {
            if (watching != null) {
                watching.close();
            }
        } catch (SQLException e) {
            // the database is closed next
        }
        queryService.stop();
        commandService.stop();
        if (axonServer != null) {
            axonServer.close();
        }
        database.close();
    }
}
