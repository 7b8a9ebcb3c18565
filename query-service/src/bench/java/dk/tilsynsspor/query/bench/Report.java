package dk.tilsynsspor.query.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's figures as JSON ({@code benchmark.json}) and as a Markdown report ({@code benchmark.md}) that compares
 * them with the targets of issues 6 and 20 and with the stock-settings peer. Ratios are taken within the run only.
 */
final class Report {

    private record Target(String name, String target, double measured, double limit, boolean atLeast,
                          String unit) {

        boolean met() {
            return atLeast ? measured >= limit : measured <= limit;
        }

        String verdict() {
            if (Double.isNaN(measured)) {
                return "not measured";
            }
            if (met()) {
                return "met";
            }
            double shortBy = atLeast ? (limit - measured) / limit : (measured - limit) / limit;
            return String.format(Locale.ROOT, "missed by %.0f %%", shortBy * 100);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Benchmark.Settings settings;
    private final ObjectNode root = JSON.createObjectNode();

    Report(Benchmark.Settings settings) {
        this.settings = settings;
        root.put("startedAt", Instant.now().toString());
        root.set("settings", JSON.valueToTree(settings.asMap()));
        root.putObject("tuned");
        root.putObject("stock");
    }

    /** A figure of the run with the events in Axon Server ({@code bench.axonserver-jar}). */
    void axonServer(String name, Object figures) {
        ObjectNode section = root.has("axonServer") ? (ObjectNode) root.get("axonServer")
                : root.putObject("axonServer");
        section.set(name, JSON.valueToTree(figures));
        Benchmark.log("axonServer %s: %s", name, figures);
    }

    void machine(Map<String, Object> machine) {
        root.set("machine", JSON.valueToTree(machine));
    }

    void tuned(String name, Object figures) {
        ((ObjectNode) root.get("tuned")).set(name, JSON.valueToTree(figures));
        Benchmark.log("%s: %s", name, figures);
    }

    void stock(String name, Object figures) {
        ((ObjectNode) root.get("stock")).set(name, JSON.valueToTree(figures));
        Benchmark.log("stock %s: %s", name, figures);
    }

    synchronized void failed(Throwable error) {
        root.put("error", String.valueOf(error));
    }

    synchronized void write() throws IOException {
        root.put("finishedAt", Instant.now().toString());
        List<Target> targets = targets();
        writeTargets(targets);
        Files.createDirectories(settings.out());
        JSON.writeValue(settings.out().resolve("benchmark.json").toFile(), root);
        Files.writeString(settings.out().resolve("benchmark.md"), markdown(targets));
        Benchmark.log("report written to %s", settings.out().toAbsolutePath().normalize());
    }

    private List<Target> targets() {
        double commands = number("tuned", "commands", "commandsPerSecond");
        double plain = number("tuned", "plain", "requestsPerSecond");
        double stockCommands = number("stock", "commands", "commandsPerSecond");
        double withTriggers = number("tuned", "appendsSTORE_TRIGGERS", "appendsPerSecond");
        // the "with the store's triggers vs without": the same table, its triggers disabled (the ratio to a
        // new, empty table is in the figures: it adds the store's size, which no trigger can change)
        double withoutTriggers = number("tuned", "appendsSTORE_WITHOUT_TRIGGERS", "appendsPerSecond");
        double closeFew = number("tuned", "closeCost", "fewOpenOrders", "p50Ms");
        double closeMany = number("tuned", "closeCost", "manyOpenOrders", "p50Ms");
        double replay = number("tuned", "replay", "eventsPerSecond");
        double raw = number("tuned", "rawRead", "eventsPerSecond");
        double rawBinary = number("tuned", "rawReadBinary", "eventsPerSecond");
        double dossierLarge = number("tuned", "flatCostLarge", "dossier", "p99Ms");
        double dossierSmall = number("tuned", "flatCostSmall", "dossier", "p99Ms");
        List<Target> targets = new ArrayList<>();
        if (onAxonServerOnly()) {
            axonServerTargets(targets);
            return targets;
        }
        targets.add(new Target("Commands / plain endpoint", "≥ 0.5", commands / plain, 0.5, true, "×"));
        targets.add(new Target("Commands / stock Axon", "≥ 3", commands / stockCommands, 3, true, "×"));
        targets.add(new Target(String.format(Locale.ROOT, "Appends with the store's triggers / the same store without them (%d writers)",
                settings.appendWriters()), "≥ 0.8", withTriggers / withoutTriggers, 0.8, true, "×"));
        targets.add(new Target("Lag p99", "≤ 250 ms", number("tuned", "lag", "p99Ms"), 250, false, "ms"));
        targets.add(new Target(String.format(Locale.ROOT, "Closing an order p50, %,d / 10 open orders",
                settings.openOrders()), "≤ 1.25", closeMany / closeFew, 1.25, false, "×"));
        targets.add(new Target(String.format(Locale.ROOT, "Long streams: warm commands, %,d-event / short orders",
                settings.longStreamEvents()), "≥ 0.8", number("tuned", "longStreams", "longOrders",
                "commandsPerSecond") / number("tuned", "longStreams", "shortOrders", "commandsPerSecond"), 0.8,
                true, "×"));
        targets.add(new Target("Long streams: first command after a restart, p99", "≤ 100 ms",
                number("tuned", "longStreams", "firstCommandAfterRestart", "p99Ms"), 100, false, "ms"));
        targets.add(new Target("Replay", "≥ 100,000 events/s", replay, 100_000, true, "events/s"));
        targets.add(new Target("Replay / raw read", "≥ 0.33", replay / raw, 1 / 3.0, true, "×"));
        // the rebuild reads in binary format (ADR 25): against a raw read in that format too, the stricter ratio
        targets.add(new Target("Replay / raw read in binary format", "≥ 0.33", replay / rawBinary, 1 / 3.0, true,
                "×"));
        targets.add(new Target(String.format(Locale.ROOT, "Dossier p99 at %,d events", settings.events()),
                "≤ 20 ms", dossierLarge, 20,
                false, "ms"));
        targets.add(new Target("Dossier p99, large / small store", "≤ 1.5", dossierLarge / dossierSmall, 1.5,
                false, "×"));
        return targets;
    }

    /** The replay's two targets, measured with the events in Axon Server. */
    private void axonServerTargets(List<Target> targets) {
        double replay = number("axonServer", "replay", "eventsPerSecond");
        targets.add(new Target("Replay with the events in Axon Server", "≥ 100,000 events/s", replay, 100_000, true,
                "events/s"));
        targets.add(new Target("Replay with the events in Axon Server / its event stream read raw", "≥ 0.33",
                replay / number("axonServer", "rawRead", "eventsPerSecond"), 1 / 3.0, true, "×"));
    }

    private double number(String... path) {
        JsonNode node = root;
        for (String step : path) {
            node = node == null ? null : node.get(step);
        }
        return node == null || !node.isNumber() ? Double.NaN : node.asDouble();
    }

    private String markdown(List<Target> targets) {
        StringBuilder md = new StringBuilder("# Tilsynsspor benchmark\n\n");
        md.append("Run ").append(root.path("startedAt").asText()).append(" – ").append(root.path("finishedAt")
                .asText()).append(" with `./mvnw -B -Pbench verify`.\n\n");
        if (root.has("error")) {
            md.append("**The run failed:** `").append(root.get("error").asText()).append("`; the figures below "
                    + "are those measured before it.\n\n");
        }
        JsonNode machine = root.path("machine");
        md.append("Machine: ").append(machine.path("cpu").asText()).append(", ").append(machine.path("cores"))
                .append(" cores, ").append(machine.path("memory").asText()).append("; ")
                .append(machine.path("os").asText()).append("; ").append(machine.path("java").asText())
                .append("; Spring Boot ").append(machine.path("springBoot").asText()).append("; Axon Framework ")
                .append(machine.path("axonFramework").asText()).append("; ").append(machine.path("postgresql")
                        .asText().replaceFirst(" on .*", "")).append(" with ")
                .append(machine.path("postgresqlSettings")).append(".\n\n");

        md.append("## Against the targets\n\n| Measure | Target | Measured | Verdict |\n|---|---|---|---|\n");
        for (Target target : targets) {
            md.append("| ").append(target.name()).append(" | ").append(target.target()).append(" | ")
                    .append(format(target.measured())).append(' ').append(target.unit()).append(" | ")
                    .append(target.verdict()).append(" |\n");
        }

        if (!onAxonServerOnly()) {
            figures(md);
        }
        JsonNode onAxonServer = root.path("axonServer");
        if (!onAxonServer.isMissingNode()) {
            md.append("\n## With the events in Axon Server\n\n| Measure | Figure |\n|---|---|\n")
                    .append("| Commands/s (").append(settings.clients()).append(" HTTP clients) | ")
                    .append(cell(onAxonServer.path("commands").path("commandsPerSecond")))
                    .append(" |\n| Command latency p50 / p99 ms | ")
                    .append(cell(onAxonServer.path("commands").path("latency")))
                    .append(" |\n| Events in Axon Server | ").append(cell(onAxonServer.path("fill").path("events")))
                    .append(" |\n| Filled in s; then mirrored and projected in s | ")
                    .append(cell(onAxonServer.path("fill").path("seconds"))).append("; ")
                    .append(cell(onAxonServer.path("fill").path("mirroredAndProjectedSecondsAfter")))
                    .append(" |\n| Raw read of its event stream, events/s (median of 3) | ")
                    .append(cell(onAxonServer.path("rawRead").path("eventsPerSecond")))
                    .append(" |\n| Replay (rebuild of every read model in the running service), events/s | ")
                    .append(cell(onAxonServer.path("replay").path("eventsPerSecond")))
                    .append(" |\n| Replay again in the running service, its code compiled (no target), events/s | ")
                    .append(cell(onAxonServer.path("replayAgain").path("eventsPerSecond"))).append(" |\n");
            for (String phase : List.of("commands", "rawRead", "replay", "replayAgain")) {
                JsonNode cpu = onAxonServer.path(phase).path("cpu");
                if (!cpu.isMissingNode()) {
                    md.append("| CPU seconds in ").append(phase).append(": Axon Server ")
                            .append(cpu.path("axonServerCpuSeconds").asText()).append(", query-service ")
                            .append(cpu.path("queryServiceCpuSeconds").asText()).append(", PostgreSQL ")
                            .append(cpu.path("postgresqlCpuSeconds").asText()).append(", the benchmark ")
                            .append(cpu.path("benchmarkClientsCpuSeconds").asText()).append(" | of ")
                            .append(cpu.path("availableCpuSeconds").asText()).append(" |\n");
                }
            }
        }
        md.append("\n## Where the CPU went\n\nCPU seconds used during the phase, by process, out of the cores' total "
                + "(from /proc); in brackets, what a service's JIT compiler threads used of it.\n\n"
                + "| Phase | command-service | query-service | PostgreSQL | benchmark clients | available |\n"
                + "|---|---|---|---|---|---|\n");
        for (String configuration : List.of("tuned", "stock", "axonServer")) {
            for (String phase : List.of("appendsNO_TRIGGERS", "appendsSTORE_WITHOUT_TRIGGERS", "appendsSTORE_TRIGGERS",
                    "plain", "commands", "replay", "replayAgain", "replayAtStart")) {
                JsonNode cpu = root.path(configuration).path(phase).path("cpu");
                if (cpu.isMissingNode()) {
                    continue;
                }
                md.append("| ").append(phase).append(switch (configuration) {
                            case "tuned" -> " (as configured)";
                            case "stock" -> " (stock)";
                            default -> " (events in Axon Server)";
                        }).append(" | ")
                        .append(cpu.path("commandServiceCpuSeconds").asText())
                        .append(compiling(cpu, "commandService")).append(" | ")
                        .append(cpu.path("queryServiceCpuSeconds").asText())
                        .append(compiling(cpu, "queryService")).append(" | ")
                        .append(cpu.path("postgresqlCpuSeconds").asText()).append(" | ")
                        .append(cpu.path("benchmarkClientsCpuSeconds").asText()).append(" | ")
                        .append(cpu.path("availableCpuSeconds").asText()).append(" |\n");
            }
        }
        JsonNode turns = root.path("tuned").path("commands").path("eachTurn");
        if (turns.isArray() && !turns.isEmpty()) {
            md.append("\nThe plain endpoint and the commands were measured in ").append(turns.size())
                    .append(" alternated turns (a plain window, then a command window, each ")
                    .append(settings.commandWindow().toSeconds() / turns.size()).append(" s); each turn's plain "
                            + "requests/s, commands/s and their ratio:\n\n| Turn | plain requests/s | commands/s "
                            + "| commands / plain |\n|---|---|---|---|\n");
            for (int turn = 0; turn < turns.size(); turn++) {
                JsonNode figures = turns.get(turn);
                md.append("| ").append(turn + 1).append(" | ").append(figures.path("requestsPerSecond").asText())
                        .append(" | ").append(figures.path("commandsPerSecond").asText()).append(" | ")
                        .append(figures.path("commandsPerRequest").asText()).append(" × |\n");
            }
        }
        appendTurns(md);
        JsonNode restarts = root.path("tuned").path("longStreams").path("firstCommandAfterEachRestart");
        if (restarts.isArray() && !restarts.isEmpty()) {
            md.append("\nLong streams: command-service was restarted ").append(restarts.size())
                    .append(" times; the first command on each long order after each restart, p50 / p99 ms (the "
                            + "table's figure pools them):");
            for (int restart = 0; restart < restarts.size(); restart++) {
                md.append(restart == 0 ? " " : ", ").append(restarts.get(restart).path("p50Ms").asText())
                        .append(" / ").append(restarts.get(restart).path("p99Ms").asText());
            }
            md.append("; their request threads' CPU, p50 / p99 ms:");
            for (int restart = 0; restart < restarts.size(); restart++) {
                JsonNode cpu = restarts.get(restart).path("threadCpu");
                md.append(restart == 0 ? " " : ", ").append(cpu.path("p50Ms").asText())
                        .append(" / ").append(cpu.path("p99Ms").asText());
            }
            md.append(".\n");
        }
        if (onAxonServerOnly()) {
            md.append("\nBoth services in profile `axonserver` against an Axon Server SE the run started on loopback "
                    + "(`-Dbench.axonserver-jar`), PostgreSQL holding the read models, tokens, citizens' keys and "
                    + "the chain's mirror; the rebuild as configured otherwise. Every figure in detail: "
                    + "`benchmark.json`.\n");
        } else {
            configurations(md);
        }
        return md.toString();
    }

    /** CPU per unit of work and how the two configurations differ. */
    private void configurations(StringBuilder md) {
        md.append("\nCPU microseconds per request (plain endpoint) and per command, by process:\n\n"
                + "| Phase | command-service | query-service | PostgreSQL | benchmark clients |\n|---|---|---|---|---|\n");
        for (String[] phase : List.of(new String[]{"tuned", "plain", "cpuMicrosPerRequest"},
                new String[]{"tuned", "commands", "cpuMicrosPerCommand"},
                new String[]{"stock", "commands", "cpuMicrosPerCommand"})) {
            JsonNode perUnit = root.path(phase[0]).path(phase[1]).path(phase[2]);
            if (perUnit.isMissingNode()) {
                continue;
            }
            md.append("| ").append(phase[1]).append(phase[0].equals("tuned") ? " (as configured)" : " (stock)")
                    .append(" | ").append(perUnit.path("commandService").asText()).append(" | ")
                    .append(perUnit.path("queryService").asText()).append(" | ")
                    .append(perUnit.path("postgresql").asText()).append(" | ")
                    .append(perUnit.path("benchmarkClients").asText()).append(" |\n");
        }
        md.append("\n## The two configurations\n\n")
                .append("- **As configured**: events in ").append(storeText("tuned")).append("; pooled streaming "
                        + "processors woken by a `NOTIFY` that command-service sends after its commits, batches of at "
                        + "most 50 events committed without waiting for the disk, one segment per processor (ADR 23); "
                        + "orders snapshotted every 100 events; aggregates cached between commands; Axon's per-handler "
                        + "timeouts off; a rebuild "
                        + "replays each read model on a thread of its own in batches of 1,000 events before handing "
                        + "it to its processor (ADR 22).\n")
                .append("- **Axon stock settings** (profile `axon-defaults`, Hibernate on the class path): events in ")
                .append(storeText("stock")).append(", written and read by Axon's JPA engine with the tables "
                        + "Hibernate made from Axon's mapping, tokens in Axon's JPA token store; Axon's tracking "
                        + "processor (one event per transaction, polling); no aggregate cache. No hash chain or "
                        + "`NOTIFY` trigger on its table: those belong to Tilsynsspor's store. Its lag is not "
                        + "measured: " + Benchmark.STOCK_LAG_NOT_MEASURED + ".\n\n")
                .append("The stock replay is timed over its first ").append(settings.peerReplay().toSeconds())
                .append(" s only (it would take much longer to finish). Every figure in detail: `benchmark.json`."
                        + "\n");
    }

    /** The table of every figure, as configured beside Axon's stock settings. */
    private void figures(StringBuilder md) {
        md.append("\n## Figures\n\n| Measure | As configured | Axon stock settings | Configured / stock |\n")
                .append("|---|---|---|---|\n");
        String writers = settings.appendWriters() + " JDBC writers, one row per transaction";
        row(md, "Appends/s into a new, empty table of the store's shape, without triggers (" + writers + ")",
                new String[]{"appendsNO_TRIGGERS", "appendsPerSecond"}, false);
        row(md, "Appends/s into the store with its triggers disabled (" + writers + ")",
                new String[]{"appendsSTORE_WITHOUT_TRIGGERS", "appendsPerSecond"}, false);
        row(md, "Appends/s with the store's triggers (" + writers + ")", new String[]{"appendsSTORE_TRIGGERS",
                "appendsPerSecond"}, false);
        row(md, "Appends/s with the store's triggers and the former pg_notify trigger (" + writers + ")",
                new String[]{"appendsSTORE_TRIGGERS_AND_NOTIFY", "appendsPerSecond"}, false);
        md.append("| Appends with the store's triggers / into a new, empty table without triggers (beside the "
                        + "target, which compares the same table) | ")
                .append(format(number("tuned", "appendsSTORE_TRIGGERS", "appendsPerSecond")
                        / number("tuned", "appendsNO_TRIGGERS", "appendsPerSecond"))).append(" × | – |  |\n");
        row(md, "Append latency p50 / p99 ms, new empty table without triggers", new String[]{"appendsNO_TRIGGERS",
                "latency"}, false);
        row(md, "Append latency p50 / p99 ms, the store with its triggers disabled",
                new String[]{"appendsSTORE_WITHOUT_TRIGGERS", "latency"}, false);
        row(md, "Append latency p50 / p99 ms, with the store's triggers", new String[]{"appendsSTORE_TRIGGERS",
                "latency"}, false);
        row(md, "Append latency p50 / p99 ms, with the former pg_notify trigger too", new String[]{
                "appendsSTORE_TRIGGERS_AND_NOTIFY", "latency"}, false);
        row(md, "Plain endpoint requests/s (" + settings.clients() + " HTTP clients)", new String[]{"plain",
                "requestsPerSecond"}, false);
        row(md, "Plain endpoint latency p50 / p99 ms", new String[]{"plain", "latency"}, false);
        row(md, "Commands/s (" + settings.clients() + " HTTP clients)", new String[]{"commands",
                "commandsPerSecond"}, true);
        row(md, "Command latency p50 / p99 ms", new String[]{"commands", "latency"}, true);
        row(md, "Lag, an order's 201 to its summary projected on query-service, p50 / p99 ms"
                + " (under the commands' load)",
                new String[]{"lag"}, true);
        row(md, String.format(Locale.ROOT, "Closing an order p50 / p99 ms, 10 open orders (%d closings in %d turns "
                + "alternated with the next row's)", settings.closeOrders(), settings.turns()),
                new String[]{"closeCost", "fewOpenOrders"}, false);
        row(md, String.format(Locale.ROOT, "Closing an order p50 / p99 ms, %,d open orders", settings.openOrders()),
                new String[]{"closeCost", "manyOpenOrders"}, false);
        row(md, "Dossier p50 / p99 ms, small store", new String[]{"flatCostSmall", "dossier"}, false);
        row(md, "Audit trail p50 / p99 ms, small store", new String[]{"flatCostSmall", "auditTrail"}, false);
        row(md, "Dossier p50 / p99 ms, large store", new String[]{"flatCostLarge", "dossier"}, false);
        row(md, "Audit trail p50 / p99 ms, large store", new String[]{"flatCostLarge", "auditTrail"}, false);
        row(md, "Long streams: warm commands/s on short orders", new String[]{"longStreams", "shortOrders",
                "commandsPerSecond"}, false);
        row(md, String.format(Locale.ROOT, "Long streams: warm commands/s on %,d-event orders",
                settings.longStreamEvents()), new String[]{"longStreams", "longOrders", "commandsPerSecond"}, false);
        row(md, "Long streams: first command after a restart p50 / p99 ms", new String[]{"longStreams",
                "firstCommandAfterRestart"}, false);
        row(md, "Long streams: first command after a restart, its request thread's CPU p50 / p99 ms",
                new String[]{"longStreams", "firstCommandAfterRestartThreadCpu"}, false);
        row(md, "Long streams: the restarted service's very first command (a short order) p50 / p99 ms",
                new String[]{"longStreams", "firstCommandAfterRestartOnAShortOrder"}, false);
        row(md, "Raw sequential read, events/s (median of 3, text format)", new String[]{"rawRead",
                "eventsPerSecond"}, false);
        row(md, "Raw sequential read in binary format, events/s (median of 3)", new String[]{"rawReadBinary",
                "eventsPerSecond"}, false);
        row(md, "Replay (rebuild of every read model in the running service), events/s", new String[]{"replay",
                "eventsPerSecond"}, false);
        row(md, "Replay again in the running service, its code compiled (no target), events/s",
                new String[]{"replayAgain", "eventsPerSecond"}, false);
        row(md, "Replay at start-up (restart with the rebuild flag), events/s", new String[]{"replayAtStart",
                "eventsPerSecond"}, true);
    }

    /** A run with {@code bench.axonserver-jar}: only the rebuild with the events in Axon Server was measured. */
    private boolean onAxonServerOnly() {
        return root.has("axonServer") && root.path("tuned").isEmpty() && root.path("stock").isEmpty();
    }

    private String storeText(String configuration) {
        JsonNode store = root.path(configuration).path("store");
        if (store.isMissingNode()) {
            return "(not run)";
        }
        return "`" + store.path("eventTable").asText() + "` (payload column `" + store.path("payloadColumnType")
                .asText() + "`)";
    }

    /** Each turn's appends/s of the three appends of the ratios, when they were measured in turns. */
    private void appendTurns(StringBuilder md) {
        JsonNode tuned = root.path("tuned");
        JsonNode bare = tuned.path("appendsNO_TRIGGERS").path("eachTurn");
        JsonNode without = tuned.path("appendsSTORE_WITHOUT_TRIGGERS").path("eachTurn");
        JsonNode with = tuned.path("appendsSTORE_TRIGGERS").path("eachTurn");
        if (!bare.isArray() || bare.isEmpty() || bare.size() != without.size() || bare.size() != with.size()) {
            return;
        }
        md.append("\nThe appends were measured in ").append(bare.size()).append(" turns of ")
                .append(settings.ceiling().toSeconds()).append(" s per table, the order reversed every other "
                        + "turn, each window begun right after a checkpoint; each turn's appends/s and the ratio "
                        + "of the target:\n\n| Turn | new, empty table | the store, its triggers disabled | the store "
                        + "with its triggers | with / without |\n|---|---|---|---|---|\n");
        for (int turn = 0; turn < bare.size(); turn++) {
            md.append("| ").append(turn + 1).append(" | ").append(format(bare.get(turn).asDouble())).append(" | ")
                    .append(format(without.get(turn).asDouble())).append(" | ")
                    .append(format(with.get(turn).asDouble())).append(" | ")
                    .append(format(with.get(turn).asDouble() / without.get(turn).asDouble())).append(" × |\n");
        }
    }

    private void row(StringBuilder md, String label, String[] path, boolean compared) {
        JsonNode tuned = at("tuned", path);
        JsonNode stock = at("stock", path);
        md.append("| ").append(label).append(" | ").append(cell(tuned)).append(" | ")
                .append(compared ? cell(stock) : "–").append(" | ");
        if (compared && tuned.isNumber() && stock.isNumber() && stock.asDouble() > 0) {
            md.append(format(tuned.asDouble() / stock.asDouble())).append(" ×");
        } else if (compared && tuned.has("p99Ms") && stock.has("p99Ms") && stock.get("p99Ms").asDouble() > 0) {
            md.append("p99: ").append(format(tuned.get("p99Ms").asDouble() / stock.get("p99Ms").asDouble()))
                    .append(" ×");
        }
        md.append(" |\n");
    }

    private JsonNode at(String configuration, String[] path) {
        JsonNode node = root.path(configuration);
        for (String step : path) {
            node = node.path(step);
        }
        return node;
    }

    private static String cell(JsonNode node) {
        if (node.isNumber()) {
            return format(node.asDouble());
        }
        if (node.has("p50Ms")) {
            return format(node.get("p50Ms").asDouble()) + " / " + format(node.get("p99Ms").asDouble());
        }
        return "–";
    }

    private static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "–";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    /** The targets and their verdicts, in the JSON too. */
    private void writeTargets(List<Target> targets) {
        ArrayNode array = root.putArray("targets");
        for (Target target : targets) {
            ObjectNode node = array.addObject();
            node.put("name", target.name());
            node.put("target", target.target());
            if (Double.isNaN(target.measured())) {
                node.putNull("measured");
            } else {
                node.put("measured", Math.round(target.measured() * 1000) / 1000.0);
            }
            node.put("unit", target.unit());
            node.put("verdict", target.verdict());
        }
    }

    /** " (JIT n)": what the service's JIT compiler threads used of its CPU seconds, if the run measured it. */
    private static String compiling(JsonNode cpu, String service) {
        JsonNode seconds = cpu.path("jitCompilerSeconds").path(service);
        return seconds.isMissingNode() ? "" : " (JIT " + seconds.asText() + ")";
    }
}
