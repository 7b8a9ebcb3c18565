package dk.tilsynsspor.core.order.query;

/**
 * The citizens' progress on one dimension, over every case of the organisation's open orders that assessed it at
 * least once, naming no citizen: how many cases, and the average of their first and of their latest score.
 */
public record DimensionProgress(
        String dimension,
        int cases,
        double firstAverage,
        double latestAverage) {
}
