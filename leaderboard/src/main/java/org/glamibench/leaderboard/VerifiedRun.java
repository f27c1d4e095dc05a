package org.glamibench.leaderboard;

import java.nio.file.Path;
import org.glamibench.metrics.MetricReport;
import org.glamibench.run.RunResult;
import org.glamibench.stats.Interval;

/**
 * A run whose run.json matched the schema and whose numbers were recomputed from its stored
 * predictions and found equal: the only kind of run the board ranks.
 *
 * @param folder       the run folder
 * @param result       its run.json
 * @param metrics      the metrics recomputed from its stored predictions
 * @param top1Interval the bootstrap interval of top-1 (recomputed and found equal to run.json's)
 * @param outcomes     each item's top-1 outcome, for paired tests
 */
public record VerifiedRun(Path folder, RunResult result, MetricReport metrics, Interval top1Interval,
                          TopOneOutcomes outcomes) {

    /** The run's id, as its run.json names it. */
    public String runId() {
        return result.runId();
    }
}
