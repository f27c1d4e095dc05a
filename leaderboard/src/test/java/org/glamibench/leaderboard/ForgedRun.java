package org.glamibench.leaderboard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.eval.StoredMetrics;
import org.glamibench.files.JsonFiles;
import org.glamibench.metrics.MetricReport;
import org.glamibench.run.MetricsJson;
import org.glamibench.run.RunFiles;
import org.glamibench.run.RunResult;
import org.glamibench.stats.BootstrapReport;
import org.glamibench.store.ItemStatus;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.PredictionStore;
import org.glamibench.store.StoredPredictions;

/**
 * Writes whole, consistent run folders with chosen predictions: a template run's items, its
 * run.json with another run id and adapter name, and metrics recomputed as the harness computes
 * them. Such a run passes verification; tests then break it on purpose.
 */
public final class ForgedRun {
    private ForgedRun() {
    }

    /**
     * A run over the template's items whose rows are the template's rows changed by {@code change}.
     *
     * @return the new run folder, {@code parent/runId}
     */
    public static Path write(Path template, Path parent, String runId, UnaryOperator<PredictionRow> change)
            throws IOException {
        return write(template, parent, runId, change, row -> true);
    }

    /**
     * A finished run of 0 scored items on the template's test set, as an eval of an empty test
     * split used to write.
     *
     * @return the new run folder, {@code parent/runId}
     */
    public static Path empty(Path template, Path parent, String runId) throws IOException {
        return write(template, parent, runId, row -> row, row -> false);
    }

    private static Path write(Path template, Path parent, String runId, UnaryOperator<PredictionRow> change,
                              Predicate<PredictionRow> keep) throws IOException {
        StoredPredictions source = StoredPredictions.read(template);
        Path folder = parent.resolve(runId);
        try (PredictionStore store = PredictionStore.open(folder, source.classIndex(), false)) {
            for (PredictionRow row : source.rows()) {
                if (keep.test(row)) {
                    store.append(change.apply(row), null);
                }
            }
            store.finish();
        }
        StoredPredictions stored = StoredPredictions.read(folder);
        RunResult t = RunFiles.readRun(template);
        MetricReport report = StoredMetrics.compute(stored);
        BootstrapReport intervals = StoredMetrics.intervals(stored, 1000, 0.95, t.settings().seed());
        RunResult.Adapter a = t.adapter();
        RunResult result = new RunResult(t.schemaVersion(), runId, t.created(),
                new RunResult.Adapter(runId.replace('_', '-').toLowerCase(java.util.Locale.ROOT), a.version(),
                        a.modality(), a.output(), a.parameterCount(), a.license(), a.weightsSha256(), a.description(),
                        a.jar(), a.jarSha256()),
                new RunResult.Dataset(t.dataset().name(), t.dataset().split(), t.dataset().rows(), stored.size(),
                        t.dataset().manifestSha256(), t.dataset().classIndexSha256(), t.dataset().classes(),
                        t.dataset().skippedRows()), t.settings(), t.provenance(), t.timing(),
                MetricsJson.of(report, intervals, stored.classIndex()),
                new RunResult.Errors(report.statusCounts().get(ItemStatus.INPUT_ERROR),
                        report.statusCounts().get(ItemStatus.ADAPTER_ERROR), t.errors().examples()));
        JsonFiles.write(folder.resolve(RunFiles.RUN_JSON), result);
        return folder;
    }

    /** The row predicting {@code top1} first, then the first other classes of the index. */
    public static PredictionRow predicting(PredictionRow row, int top1, ClassIndex classes) {
        int[] categories = new int[PredictionRow.TOP_K];
        categories[0] = top1;
        int k = 1;
        for (int i = 0; k < categories.length; i++) {
            if (classes.category(i) != top1) {
                categories[k++] = classes.category(i);
            }
        }
        return PredictionRow.ok(row.itemId(), row.geo(), row.category(), categories,
                new float[] {0.5f, 0.2f, 0.1f, 0.1f, 0.05f});
    }

    /** A category of the index other than the given one. */
    public static int other(int category, ClassIndex classes) {
        return classes.category(0) != category ? classes.category(0) : classes.category(1);
    }
}
