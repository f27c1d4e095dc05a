package org.glamibench.leakage;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.glamibench.eval.StoredMetrics;
import org.glamibench.run.RunResult;
import org.glamibench.stats.Interval;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.StoredPredictions;

/**
 * A run's top-1 on the clean subset of its test items (no photo twin and no text twin in train,
 * as a {@link LeakageFile} says) and on the leaked rest, each with its bootstrap interval, computed
 * from the stored predictions with the resampling of the run's own intervals (resamples, confidence
 * and seed of {@code metrics.confidence_intervals}, resampling within each geo).
 *
 * @param file        the leakage file used
 * @param cleanItems  scored items in the clean subset
 * @param cleanTop1   top-1 on them, with its interval; null when there are none
 * @param leakedItems scored items with a twin in train
 * @param leakedTop1  top-1 on them, with its interval; null when there are none
 */
public record CleanSubsetScore(LeakageFile file, int cleanItems, Interval cleanTop1, int leakedItems, Interval leakedTop1) {

    /**
     * The scores of a run's stored predictions.
     *
     * @throws IllegalArgumentException when the file is of another test split than the run
     */
    public static CleanSubsetScore of(RunResult run, StoredPredictions stored, LeakageFile file) {
        if (!file.manifestSha256().equals(run.dataset().manifestSha256())) {
            throw new IllegalArgumentException(file.file() + ": computed on the test split with manifest "
                    + file.manifestSha256() + ", not the run's " + run.dataset().manifestSha256());
        }
        Map<?, ?> settings = (Map<?, ?>) run.metrics().get("confidence_intervals");
        int resamples = ((Number) settings.get("resamples")).intValue();
        double confidence = ((Number) settings.get("confidence")).doubleValue();
        long seed = ((Number) settings.get("seed")).longValue();
        int leaked = (int) stored.rows().stream().filter(row -> file.leaked().contains(row.itemId())).count();
        int clean = stored.size() - leaked;
        return new CleanSubsetScore(file, clean,
                clean == 0 ? null : top1(stored, row -> !file.leaked().contains(row.itemId()), resamples, confidence, seed),
                leaked,
                leaked == 0 ? null : top1(stored, row -> file.leaked().contains(row.itemId()), resamples, confidence, seed));
    }

    private static Interval top1(StoredPredictions stored, Predicate<PredictionRow> keep, int resamples,
                                 double confidence, long seed) {
        return StoredMetrics.intervals(stored, keep, resamples, confidence, seed).overall().get("top1");
    }

    /** E.g. {@code 0.8123 [0.8011, 0.8234] on 4,512 items}, or {@code n/a (no items)}. */
    public static String describe(Interval top1, int items) {
        return top1 == null ? "n/a (no items)" : String.format(Locale.ROOT, "%.4f [%.4f, %.4f] on %,d items",
                top1.estimate(), top1.lower(), top1.upper(), items);
    }
}
