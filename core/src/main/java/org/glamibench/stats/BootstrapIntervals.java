package org.glamibench.stats;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.glamibench.dataset.Geo;

/**
 * Bootstrap confidence intervals for top-1, top-5 and macro F1, overall and per geo, resampling
 * within each geo (the test set's language mix is fixed by design, so it is not resampled).
 * Percentile intervals; resample {@code r} depends only on the seed and r, so the result is the
 * same on any number of threads. Macro F1 is computed as in the metric pack: over the classes that
 * occur in the resample's truth or top-1 predictions, failed items predicting no class.
 */
public final class BootstrapIntervals {
    /** The metrics given intervals, as named in run.json. */
    public static final List<String> METRICS = List.of("top1", "top5", "macro_f1");

    private BootstrapIntervals() {
    }

    /**
     * Intervals of a scored run.
     *
     * @param geos       each item's geo
     * @param trueClass  each item's true class index
     * @param top1       each item's top-1 class index, or -1 for a failed item
     * @param top5Hit    whether each item's true class is in its top 5 (false for a failed item)
     * @param classes    the number of classes
     * @param resamples  bootstrap resamples, at least 1
     * @param confidence e.g. 0.95
     * @throws IllegalArgumentException when arrays differ in length or settings are out of range
     */
    public static BootstrapReport compute(Geo[] geos, int[] trueClass, int[] top1, boolean[] top5Hit, int classes,
                                          int resamples, double confidence, long seed) {
        int n = geos.length;
        if (trueClass.length != n || top1.length != n || top5Hit.length != n) {
            throw new IllegalArgumentException("per-item arrays differ in length");
        }
        if (resamples < 1 || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("need resamples >= 1 and 0 < confidence < 1, got " + resamples
                    + " and " + confidence);
        }
        if (classes > 0xFFFF - 1) {
            throw new IllegalArgumentException("at most 65,534 classes, got " + classes);
        }
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = geos[i].ordinal();
        }
        int groups = Geo.values().length;
        StratifiedResampler resampler = new StratifiedResampler(group, groups, seed);
        int[] bounds = resampler.groupBounds();
        // Each item packed in one long, in group order, so a draw touches one array:
        // true class, top-1 + 1 (0 for a failed item), top-5 hit.
        int[] grouped = resampler.groupedItems();
        long[] codes = new long[n];
        for (int k = 0; k < n; k++) {
            int i = grouped[k];
            codes[k] = trueClass[i] | (long) (top1[i] + 1) << 16 | (top5Hit[i] ? 1L << 32 : 0);
        }
        // values[scope][metric][r]; scope 0 is overall, scope 1 + g is geo g.
        double[][][] values = new double[groups + 1][METRICS.size()][resamples];
        ThreadLocal<Counts> buffers = ThreadLocal.withInitial(() -> new Counts(groups, classes));
        IntStream.range(0, resamples).parallel().forEach(r -> {
            Counts counts = buffers.get();
            counts.countResample(codes, bounds, resampler.random(r));
            counts.store(values, r);
        });
        Counts observed = new Counts(groups, classes);
        observed.countAll(codes, bounds);
        double[][][] point = new double[groups + 1][METRICS.size()][1];
        observed.store(point, 0);

        Map<String, Interval> overall = intervals(point[0], values[0], confidence);
        Map<Geo, Map<String, Interval>> perGeo = new EnumMap<>(Geo.class);
        for (Geo geo : Geo.values()) {
            if (bounds[geo.ordinal() + 1] > bounds[geo.ordinal()]) {
                perGeo.put(geo, intervals(point[1 + geo.ordinal()], values[1 + geo.ordinal()], confidence));
            }
        }
        return new BootstrapReport(resamples, confidence, seed, overall, perGeo);
    }

    private static Map<String, Interval> intervals(double[][] point, double[][] values, double confidence) {
        Map<String, Interval> intervals = new LinkedHashMap<>();
        for (int m = 0; m < METRICS.size(); m++) {
            double[] sorted = values[m].clone();
            Arrays.sort(sorted);
            intervals.put(METRICS.get(m), Interval.percentile(point[m][0], sorted, confidence));
        }
        return intervals;
    }

    /** Per-group counts of one (re)sample, reused across resamples by one thread. */
    private static final class Counts {
        final long[] top1Hits;
        final long[] top5Hits;
        final long[] size;
        final int[][] support;
        final int[][] predicted;
        final int[][] truePositives;
        final int classes;

        Counts(int groups, int classes) {
            this.top1Hits = new long[groups];
            this.top5Hits = new long[groups];
            this.size = new long[groups];
            this.support = new int[groups][classes];
            this.predicted = new int[groups][classes];
            this.truePositives = new int[groups][classes];
            this.classes = classes;
        }

        /** Counts a resample: as many draws from each group as it has items. */
        void countResample(long[] codes, int[] bounds, java.util.SplittableRandom random) {
            for (int g = 0; g < size.length; g++) {
                int start = bounds[g];
                int length = bounds[g + 1] - start;
                reset(g, length);
                for (int j = 0; j < length; j++) {
                    add(g, codes[start + random.nextInt(length)]);
                }
            }
        }

        /** Counts the items as observed, each once. */
        void countAll(long[] codes, int[] bounds) {
            for (int g = 0; g < size.length; g++) {
                reset(g, bounds[g + 1] - bounds[g]);
                for (int k = bounds[g]; k < bounds[g + 1]; k++) {
                    add(g, codes[k]);
                }
            }
        }

        private void reset(int g, int length) {
            Arrays.fill(support[g], 0);
            Arrays.fill(predicted[g], 0);
            Arrays.fill(truePositives[g], 0);
            top1Hits[g] = 0;
            top5Hits[g] = 0;
            size[g] = length;
        }

        private void add(int g, long code) {
            int t = (int) (code & 0xFFFF);
            int p = (int) ((code >>> 16) & 0xFFFF) - 1;
            support[g][t]++;
            if (p >= 0) {
                predicted[g][p]++;
                if (p == t) {
                    truePositives[g][t]++;
                    top1Hits[g]++;
                }
            }
            top5Hits[g] += code >>> 32;
        }

        void store(double[][][] values, int r) {
            long n = 0;
            long hits1 = 0;
            long hits5 = 0;
            int[] allSupport = new int[classes];
            int[] allPredicted = new int[classes];
            int[] allTruePositives = new int[classes];
            for (int g = 0; g < size.length; g++) {
                if (size[g] == 0) {
                    continue;
                }
                values[1 + g][0][r] = (double) top1Hits[g] / size[g];
                values[1 + g][1][r] = (double) top5Hits[g] / size[g];
                values[1 + g][2][r] = macroF1(support[g], predicted[g], truePositives[g]);
                n += size[g];
                hits1 += top1Hits[g];
                hits5 += top5Hits[g];
                for (int c = 0; c < classes; c++) {
                    allSupport[c] += support[g][c];
                    allPredicted[c] += predicted[g][c];
                    allTruePositives[c] += truePositives[g][c];
                }
            }
            values[0][0][r] = n == 0 ? Double.NaN : (double) hits1 / n;
            values[0][1][r] = n == 0 ? Double.NaN : (double) hits5 / n;
            values[0][2][r] = macroF1(allSupport, allPredicted, allTruePositives);
        }
    }

    /** Mean F1 over the classes with support or predictions; NaN when there is none. */
    static double macroF1(int[] support, int[] predicted, int[] truePositives) {
        double sum = 0;
        int labels = 0;
        for (int c = 0; c < support.length; c++) {
            if (support[c] > 0 || predicted[c] > 0) {
                labels++;
                sum += 2.0 * truePositives[c] / (support[c] + predicted[c]);
            }
        }
        return labels == 0 ? Double.NaN : sum / labels;
    }
}
