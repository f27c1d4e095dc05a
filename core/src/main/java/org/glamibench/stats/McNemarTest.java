package org.glamibench.stats;

/**
 * The exact McNemar test for two classifiers scored on the same items: only the discordant items
 * count, {@code b} (A right, B wrong) and {@code c} (A wrong, B right); under the null hypothesis
 * of equal accuracy each discordant item goes either way with probability 1/2, so {@code b} is
 * Binomial(b + c, 1/2). All p-values are exact binomial tail sums, computed in log space so that
 * millions of discordant pairs stay accurate.
 */
public final class McNemarTest {
    private McNemarTest() {
    }

    /**
     * Two-sided p-value: {@code min(1, 2 * P(X <= min(b, c)))} for X ~ Binomial(b + c, 1/2); 1 when
     * there is no discordant item.
     *
     * @throws IllegalArgumentException for a negative count
     */
    public static double twoSided(long b, long c) {
        check(b, c);
        if (b + c == 0) {
            return 1;
        }
        return Math.min(1, 2 * lowerTail(Math.min(b, c), b + c));
    }

    /**
     * One-sided p-value that A is less accurate than B: {@code P(X <= b)} for X ~ Binomial(b + c,
     * 1/2), small when A wins few of the discordant items.
     *
     * @throws IllegalArgumentException for a negative count
     */
    public static double aWorse(long b, long c) {
        check(b, c);
        if (b + c == 0) {
            return 1;
        }
        return Math.min(1, lowerTail(b, b + c));
    }

    /** {@code P(X <= k)} for X ~ Binomial(n, 1/2). */
    static double lowerTail(long k, long n) {
        if (k >= n) {
            return 1;
        }
        double logHalfPowN = n * Math.log(0.5);
        double max = Double.NEGATIVE_INFINITY;
        double[] logTerms = new double[(int) k + 1];
        double logChoose = 0;
        for (long i = 0; i <= k; i++) {
            if (i > 0) {
                logChoose += Math.log((double) (n - i + 1) / i);
            }
            logTerms[(int) i] = logChoose + logHalfPowN;
            max = Math.max(max, logTerms[(int) i]);
        }
        double sum = 0;
        for (double logTerm : logTerms) {
            sum += Math.exp(logTerm - max);
        }
        return Math.exp(max + Math.log(sum));
    }

    private static void check(long b, long c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must not be negative: b=" + b + ", c=" + c);
        }
    }
}
