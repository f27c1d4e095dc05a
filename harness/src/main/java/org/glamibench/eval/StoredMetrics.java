package org.glamibench.eval;

import org.glamibench.dataset.ClassIndex;
import org.glamibench.metrics.ItemStatus;
import org.glamibench.metrics.MetricAccumulator;
import org.glamibench.metrics.MetricReport;
import org.glamibench.store.PredictionRow;
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

    private static int indexOf(ClassIndex classes, int category, long itemId) {
        int index = classes.indexOf(category);
        if (index < 0) {
            throw new IllegalArgumentException("item " + itemId + ": category " + category + " is not in the run's class index");
        }
        return index;
    }
}
