package org.glamibench.sample;

/**
 * Splits a whole number of rows among groups in proportion to weights (largest-remainder method),
 * after first giving every group a minimum. Used for exact category, geo and label-source counts.
 */
final class Apportionment {

    private Apportionment() {
    }

    /**
     * Counts that sum to {@code total}. Every group first gets {@code minimum} rows, or
     * {@code total / groups} when {@code total < minimum * groups} (so with fewer rows than groups
     * some groups get none); the rest is shared in proportion to {@code weights}, remainders going
     * to the largest fractions, ties to the lower index. Groups of weight 0 get no minimum.
     *
     * @throws IllegalArgumentException when total or minimum is negative, or a weight is negative,
     *                                  not finite, or all are 0
     */
    static int[] counts(int total, double[] weights, int minimum) {
        if (total < 0 || minimum < 0) {
            throw new IllegalArgumentException("negative total or minimum");
        }
        int positive = 0;
        double sum = 0;
        for (double weight : weights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("bad weight " + weight);
            }
            if (weight > 0) {
                positive++;
                sum += weight;
            }
        }
        if (positive == 0) {
            throw new IllegalArgumentException("all weights are 0");
        }
        int floor = Math.min(minimum, total / positive);
        int[] counts = new int[weights.length];
        int left = total;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                counts[i] = floor;
                left -= floor;
            }
        }
        double[] fractions = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = left * weights[i] / sum;
            int whole = (int) Math.floor(exact);
            counts[i] += whole;
            fractions[i] = exact - whole;
            given += whole;
        }
        for (int extra = left - given; extra > 0; extra--) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0 && (best < 0 || fractions[i] > fractions[best])) {
                    best = i;
                }
            }
            counts[best]++;
            fractions[best] = -1;
        }
        return counts;
    }
}
