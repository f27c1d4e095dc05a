package org.glamibench.leaderboard.gate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.glamibench.compare.RunComparison;
import org.glamibench.run.RunFiles;
import org.glamibench.run.RunResult;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.StoredPredictions;

/**
 * The exact-equality gate ({@code glami-bench gate --exact}): a run fails against a baseline when
 * any item's {@code pred_1..pred_5} or {@code status} differs, whatever the accuracy does. Scores
 * are not compared (their last bits may move with the batch's kernels). It suits a change on one
 * machine that must not move a deterministic model (a refactoring, the batch size, the threads);
 * retrained models go through {@link RegressionGate}, since another CPU may change training's
 * last bits. Runs on different test sets, with different class indices or over different items
 * are refused.
 */
public final class ExactGate {
    /** The changed items a verdict names, at most. */
    public static final int SHOWN = 10;

    private ExactGate() {
    }

    /**
     * The first field of an item that changed.
     *
     * @param itemId   the item's item_id
     * @param field    {@code status} or {@code pred_1} .. {@code pred_5}
     * @param baseline the baseline's value ({@code ""} for a prediction a failed item lacks)
     * @param run      the run's value
     */
    public record Change(long itemId, String field, String baseline, String run) {
    }

    /**
     * The verdict on a run against a baseline.
     *
     * @param baselineId   the baseline's run id
     * @param runId        the run's run id
     * @param items        items compared
     * @param changedItems items with any changed field
     * @param firstChanges the first {@value #SHOWN} changed items in ascending item id order, each
     *                     with its first changed field (status first, then pred_1 to pred_5)
     */
    public record Verdict(String baselineId, String runId, long items, long changedItems, List<Change> firstChanges) {
        public Verdict {
            firstChanges = List.copyOf(firstChanges);
        }

        /** Whether no prediction changed. */
        public boolean passed() {
            return changedItems == 0;
        }
    }

    /**
     * Compares a run with a baseline item by item.
     *
     * @throws IllegalArgumentException when the runs are on different test sets or class indices,
     *                                  or not over the same items
     * @throws IOException              when a run.json cannot be read
     */
    public static Verdict check(Path baseline, Path run) throws IOException {
        RunResult baselineRun = RunFiles.readRun(baseline);
        RunResult freshRun = RunFiles.readRun(run);
        RunComparison.requireSameTestSet(freshRun, baselineRun);
        StoredPredictions before = StoredPredictions.read(baseline);
        StoredPredictions after = StoredPredictions.read(run);
        if (before.size() != after.size()) {
            throw new IllegalArgumentException(freshRun.runId() + " scored " + after.size() + " items, "
                    + baselineRun.runId() + " scored " + before.size() + ": only runs over the same items are compared");
        }
        List<PredictionRow> rows = new ArrayList<>(before.rows());
        rows.sort(Comparator.comparingLong(PredictionRow::itemId));
        long changed = 0;
        List<Change> first = new ArrayList<>();
        for (PredictionRow old : rows) {
            int at = after.rowOf(old.itemId());
            if (at < 0) {
                throw new IllegalArgumentException("item " + old.itemId() + " of " + baselineRun.runId() + " is not in "
                        + freshRun.runId() + ": only runs over the same items are compared");
            }
            Change change = firstChange(old, after.rows().get(at));
            if (change != null) {
                changed++;
                if (first.size() < SHOWN) {
                    first.add(change);
                }
            }
        }
        return new Verdict(baselineRun.runId(), freshRun.runId(), rows.size(), changed, first);
    }

    /** The first of status, pred_1 .. pred_5 that differs between the rows of one item; null when none. */
    private static Change firstChange(PredictionRow old, PredictionRow now) {
        if (old.status() != now.status()) {
            return new Change(old.itemId(), "status", old.status().label(), now.status().label());
        }
        for (int k = 0; k < PredictionRow.TOP_K; k++) {
            String was = prediction(old, k);
            String is = prediction(now, k);
            if (!was.equals(is)) {
                return new Change(old.itemId(), "pred_" + (k + 1), was, is);
            }
        }
        return null;
    }

    /** The k-th prediction as predictions.csv writes it; {@code ""} when the row has none there. */
    private static String prediction(PredictionRow row, int k) {
        return k < row.topCategories().length ? Integer.toString(row.topCategories()[k]) : "";
    }
}
