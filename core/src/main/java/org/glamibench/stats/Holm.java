package org.glamibench.stats;

import java.util.Arrays;
import java.util.Comparator;

/** Holm's step-down correction of p-values for multiple comparisons (family-wise error rate). */
public final class Holm {
    private Holm() {
    }

    /**
     * Holm-adjusted p-values, in the input order: sorted ascending, the i-th smallest (0-based) of
     * m is multiplied by {@code m - i}, made non-decreasing, and capped at 1. NaN inputs stay NaN
     * and do not count in m.
     */
    public static double[] adjust(double[] pValues) {
        Integer[] order = new Integer[pValues.length];
        int m = 0;
        for (int i = 0; i < pValues.length; i++) {
            order[i] = i;
            if (!Double.isNaN(pValues[i])) {
                m++;
            }
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> Double.isNaN(pValues[i]) ? Double.POSITIVE_INFINITY : pValues[i]));
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
