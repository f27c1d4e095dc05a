package org.glamibench.eval;

import java.util.List;
import java.util.function.Predicate;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.Geo;
import org.glamibench.metrics.MetricAccumulator;
import org.glamibench.metrics.MetricReport;
import org.glamibench.store.ItemStatus;
import org.glamibench.store.PredictionRow;
import org.glamibench.stats.BootstrapIntervals;
import org.glamibench.stats.BootstrapReport;
import org.glamibench.store.StoredPredictions;

/** The metric pack of a run, computed from its stored predictions alone: anyone can recompute it. */
public final class StoredMetrics {
    private StoredMetrics() {
    }

    /**
     * The metrics of every stored row; probabilities are used when the run stored full scores.
     *
     * @throws IllegalArgumentException when a stored category is not in the run's class index
     */
    public static MetricReport compute(StoredPredictions stored) {
        ClassIndex classes = stored.classIndex();
        MetricAccumulator accumulator = new MetricAccumulator(classes.size());
        for (int r = 0; r < stored.size(); r++) {
            PredictionRow row = stored.rows().get(r);
            int trueClass = indexOf(classes, row.category(), row.itemId());
            if (row.status() != ItemStatus.OK) {
                accumulator.add(trueClass, row.geo(), row.status(), null, null);
                continue;
            }
            int[] top = new int[row.topCategories().length];
            for (int k = 0; k < top.length; k++) {
                top[k] = indexOf(classes, row.topCategories()[k], row.itemId());
            }
            accumulator.add(trueClass, row.geo(), row.status(), top, stored.hasScores() ? stored.scores(r) : null);
        }
        return accumulator.result();
    }

    /**
     * Bootstrap intervals of top-1, top-5 and macro F1 of the stored rows, overall and per geo.
     *
     * @throws IllegalArgumentException when a stored category is not in the run's class index
     */
    public static BootstrapReport intervals(StoredPredictions stored, int resamples, double confidence, long seed) {
        return intervals(stored, row -> true, resamples, confidence, seed);
    }

    /**
     * Bootstrap intervals as {@link #intervals(StoredPredictions, int, double, long)}, of the stored
     * rows that {@code keep} accepts (a subset of the test items).
     *
     * @throws IllegalArgumentException when a stored category is not in the run's class index
     */
    public static BootstrapReport intervals(StoredPredictions stored, Predicate<PredictionRow> keep, int resamples,
                                            double confidence, long seed) {
        ClassIndex classes = stored.classIndex();
        List<PredictionRow> kept = stored.rows().stream().filter(keep).toList();
        int n = kept.size();
        Geo[] geos = new Geo[n];
        int[] truth = new int[n];
        int[] top1 = new int[n];
        boolean[] top5 = new boolean[n];
        for (int r = 0; r < n; r++) {
            PredictionRow row = kept.get(r);
            geos[r] = row.geo();
            truth[r] = indexOf(classes, row.category(), row.itemId());
            top1[r] = row.status() == ItemStatus.OK ? indexOf(classes, row.topCategories()[0], row.itemId()) : -1;
            for (int category : row.topCategories()) {
                top5[r] |= category == row.category();
            }
        }
        return BootstrapIntervals.compute(geos, truth, top1, top5, classes.size(), resamples, confidence, seed);
    }

    private static int indexOf(ClassIndex classes, int category, long itemId) {
        int index = classes.indexOf(category);
        if (index < 0) {
            throw new IllegalArgumentException("item " + itemId + ": category " + category + " is not in the run's class index");
        }
        return index;
    }
}
