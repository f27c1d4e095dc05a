package org.glamibench.stats;

/**
 * A point estimate with a confidence interval.
 *
 * @param estimate the value on the data as observed
 * @param lower    the interval's lower end
 * @param upper    the interval's upper end
 */
public record Interval(double estimate, double lower, double upper) {

    /** The percentile interval of bootstrap values (linear interpolation, as numpy.percentile). */
    static Interval percentile(double estimate, double[] sortedValues, double confidence) {
        double tail = (1 - confidence) / 2;
        return new Interval(estimate, quantile(sortedValues, tail), quantile(sortedValues, 1 - tail));
    }

    /** The q-quantile of sorted values with linear interpolation between closest ranks; NaN when empty. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
