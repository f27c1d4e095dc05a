package org.glamibench.stats;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.glamibench.dataset.Geo;

/**
 * The bootstrap interval of a paired difference in accuracy: the same items, scored by two
 * models, resampled together within each geo.
 */
public final class PairedBootstrap {
    private PairedBootstrap() {
    }

    /**
     * The interval of top-1(A) - top-1(B).
     *
     * @param geos     each item's geo
     * @param aCorrect whether A's top-1 is right, per item
     * @param bCorrect whether B's top-1 is right, per item
     * @throws IllegalArgumentException when arrays differ in length, are empty, or settings are
     *                                  out of range
     */
    public static Interval top1Difference(Geo[] geos, boolean[] aCorrect, boolean[] bCorrect, int resamples,
                                          double confidence, long seed) {
        int n = geos.length;
        if (aCorrect.length != n || bCorrect.length != n || n == 0) {
            throw new IllegalArgumentException("paired arrays must be non-empty and of one length");
        }
        if (resamples < 1 || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("need resamples >= 1 and 0 < confidence < 1");
        }
        int[] delta = new int[n];
        int[] group = new int[n];
        long observed = 0;
        for (int i = 0; i < n; i++) {
            delta[i] = (aCorrect[i] ? 1 : 0) - (bCorrect[i] ? 1 : 0);
            group[i] = geos[i].ordinal();
            observed += delta[i];
        }
        StratifiedResampler resampler = new StratifiedResampler(group, Geo.values().length, seed);
        ThreadLocal<int[]> drawn = ThreadLocal.withInitial(() -> new int[n]);
        double[] values = IntStream.range(0, resamples).parallel().mapToDouble(r -> {
            int[] items = drawn.get();
            resampler.draw(r, items);
            long sum = 0;
            for (int i : items) {
                sum += delta[i];
            }
            return (double) sum / n;
        }).toArray();
        Arrays.sort(values);
        return Interval.percentile((double) observed / n, values, confidence);
    }
}
