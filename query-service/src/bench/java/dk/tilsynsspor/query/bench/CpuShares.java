package dk.tilsynsspor.query.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used during a phase by each party (both services, PostgreSQL's processes, the benchmark's own clients,
 * the Axon Server the run started),
 * read from /proc: on a 2-core machine it tells which of them a phase was waiting for. Of each service's time, the
 * part its JIT compiler threads used is reported as well ({@code jitCompilerSeconds}): a phase whose code is still
 * being compiled pays for that in the same two cores, so a phase measured before the code is warm shows it there.
 */
final class CpuShares {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
    private final Map<String, Long> pids;
    private final Map<String, Long> before;
    private final Map<String, Long> compilingBefore;
    private final long startedNanos = System.nanoTime();

    private CpuShares(Map<String, Long> pids) {
        this.pids = pids;
        this.before = sample();
        this.compilingBefore = compiling();
    }

    static CpuShares start(BenchStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("commandService", pidOf(stack.commandService));
        pids.put("queryService", pidOf(stack.queryService));
        pids.put("benchmarkClients", ProcessHandle.current().pid());
        if (stack.axonServerPid > 0) {
            pids.put("axonServer", stack.axonServerPid);
        }
        return new CpuShares(pids);
    }

    /** The service's process id, or -1 while it is stopped (it then counts nothing). */
    private static long pidOf(dk.tilsynsspor.query.it.ServiceProcess service) {
        try {
            return service.pid();
        } catch (IllegalStateException stopped) {
            return -1;
        }
    }

    /** CPU seconds per party since the start, and the cores' total for comparison. */
    Map<String, Object> stop() {
        Map<String, Long> after = sample();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        Map<String, Object> shares = new LinkedHashMap<>();
        after.forEach((party, ticks) -> shares.put(party + "CpuSeconds",
                Latencies.round((ticks - before.getOrDefault(party, 0L)) / TICKS_PER_SECOND)));
        Map<String, Object> jit = new LinkedHashMap<>();
        compiling().forEach((party, ticks) -> jit.put(party,
                Latencies.round(Math.max(0, ticks - compilingBefore.getOrDefault(party, 0L)) / TICKS_PER_SECOND)));
        shares.put("jitCompilerSeconds", jit);
        shares.put("wallSeconds", Latencies.round(seconds));
        shares.put("availableCpuSeconds", Latencies.round(seconds * Runtime.getRuntime().availableProcessors()));
        return shares;
    }

    /**
     * Two phases' figures of {@link #stop} added together, figure by figure (the compiler's seconds per service too):
     * what the windows of a phase measured in turns used in all. An empty map adds nothing.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> sum(Map<String, Object> one, Map<String, Object> other) {
        Map<String, Object> sum = new LinkedHashMap<>(one);
        other.forEach((figure, value) -> sum.merge(figure, value, (a, b) -> a instanceof Map<?, ?> m
                ? sum((Map<String, Object>) m, (Map<String, Object>) b)
                : Latencies.round(((Number) a).doubleValue() + ((Number) b).doubleValue())));
        return sum;
    }

    /** CPU microseconds per unit of work (a command, a request) per party, from the figures of {@link #stop}. */
    static Map<String, Object> perUnit(Map<String, Object> used, long units) {
        Map<String, Object> perUnit = new LinkedHashMap<>();
        if (units == 0) {
            return perUnit;
        }
        used.forEach((party, seconds) -> {
            if (party.endsWith("CpuSeconds") && !party.startsWith("available")) {
                perUnit.put(party.replace("CpuSeconds", ""),
                        Math.round(((Number) seconds).doubleValue() * 1e6 / units));
            }
        });
        return perUnit;
    }

    private Map<String, Long> sample() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((party, pid) -> ticks.put(party, ticksOf(pid)));
        long postgres = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                String[] stat = name.chars().allMatch(Character::isDigit) && isPostgres(process)
                        ? statOf(Long.parseLong(name)) : null;
                if (stat != null) {
                    postgres += ticksIn(stat);
                    if (!isPostgres(Path.of("/proc", stat[1]))) {
                        // the postmaster: what its backends used before they exited (a phase's own connections
                        // close before it ends) is counted in its children's times, cutime + cstime
                        postgres += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                    }
                }
            }
        } catch (IOException e) {
            postgres = -1;
        }
        ticks.put("postgresql", postgres);
        return ticks;
    }

    /**
     * Per service, the CPU ticks of its JIT compiler threads ({@code C1/C2 CompilerThread}) alive now. The JVM may
     * end a compiler thread that has nothing to do, and its ticks go with it: an undercount, never an overcount.
     */
    private Map<String, Long> compiling() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((party, pid) -> {
            if (!party.equals("benchmarkClients")) {
                ticks.put(party, compilerTicksOf(pid));
            }
        });
        return ticks;
    }

    private static long compilerTicksOf(long pid) {
        long ticks = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                String[] stat = threadIsCompiler(thread) ? statOf(thread.resolve("stat")) : null;
                if (stat != null) {
                    ticks += ticksIn(stat);
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return ticks;
    }

    private static boolean threadIsCompiler(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).contains("CompilerThre"); // names are cut at 15 chars
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).trim().startsWith("postgres");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /** utime + stime of the process (fields 14 and 15 of /proc/pid/stat), 0 if it is gone. */
    private static long ticksOf(long pid) {
        String[] fields = statOf(pid);
        return fields == null ? 0 : ticksIn(fields);
    }

    /** utime + stime, from the fields of {@link #statOf}. */
    private static long ticksIn(String[] stat) {
        return Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    }

    /** The fields of /proc/pid/stat after the command name (so field 3, the state, is the first), null if gone. */
    private static String[] statOf(long pid) {
        return statOf(Path.of("/proc", Long.toString(pid), "stat"));
    }

    private static String[] statOf(Path file) {
        try {
            String stat = Files.readString(file);
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
