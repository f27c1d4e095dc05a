package org.glamibench.metrics;

/**
 * One confidence bin of the reliability diagram: the scored items whose confidence (the
 * probability of their best class) lies in {@code (lower, upper]} (the first bin also holds 0).
 *
 * @param lower          the bin's lower edge, excluded
 * @param upper          the bin's upper edge, included
 * @param count          items in the bin
 * @param hits           items in the bin whose best class is the true class
 * @param meanConfidence the mean confidence of the bin's items; NaN when the bin is empty
 */
public record ReliabilityBin(double lower, double upper, long count, long hits, double meanConfidence) {

    /** {@code hits / count}; NaN when the bin is empty. */
    public double accuracy() {
        return TopKAccuracy.ratio(hits, count);
    }
}
