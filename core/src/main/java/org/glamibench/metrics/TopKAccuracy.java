package org.glamibench.metrics;

/**
 * Top-1 and top-5 accuracy of a set of items, with the counts they come from. Failed items are in
 * {@code n} and are never hits.
 *
 * @param n        items
 * @param top1Hits items whose best class is the true class
 * @param top5Hits items whose true class is among their five best classes
 */
public record TopKAccuracy(long n, long top1Hits, long top5Hits) {

    /** {@code top1Hits / n}; NaN when {@code n == 0}. */
    public double top1() {
        return ratio(top1Hits, n);
    }

    /** {@code top5Hits / n}; NaN when {@code n == 0}. */
    public double top5() {
        return ratio(top5Hits, n);
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
