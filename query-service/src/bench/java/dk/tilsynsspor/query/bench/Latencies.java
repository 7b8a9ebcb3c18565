package dk.tilsynsspor.query.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latency samples in nanoseconds, recorded from any thread; percentiles by nearest rank. */
final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** Every sample in milliseconds, rounded to a hundredth, in the order added. */
    synchronized List<Double> inOrderMillis() {
        List<Double> millis = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            millis.add(round(samples[i] / 1e6));
        }
        return millis;
    }

    /** count, p50, p99 and max, in milliseconds, rounded to a hundredth (one sort for all of them). */
    Map<String, Object> summary() {
        long[] sorted;
        synchronized (this) {
            sorted = Arrays.copyOf(samples, count);
        }
        Arrays.sort(sorted);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", sorted.length);
        summary.put("p50Ms", round(percentileMillis(sorted, 50)));
        summary.put("p99Ms", round(percentileMillis(sorted, 99)));
        summary.put("maxMs", round(percentileMillis(sorted, 100)));
        return summary;
    }

    /** The p-th percentile (0 < p ≤ 100) of sorted samples in milliseconds, by nearest rank. */
    private static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
