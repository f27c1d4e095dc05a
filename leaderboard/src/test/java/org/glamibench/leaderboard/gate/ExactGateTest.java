package org.glamibench.leaderboard.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.glamibench.leaderboard.Cli;
import org.glamibench.leaderboard.ForgedRun;
import org.glamibench.leaderboard.SuiteWork;
import org.glamibench.store.ItemStatus;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.StoredPredictions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glami-bench gate --exact} on runs forged from the suite's fresh run of {@code image}. */
class ExactGateTest {
    @TempDir
    static Path runs;
    static Path baseline;

    @BeforeAll
    static void aBaseline() throws IOException {
        baseline = ForgedRun.write(SuiteWork.run("image"), runs, "baseline", row -> row);
    }

    @Test
    void passesARunWhoseScoresAloneChanged() throws IOException {
        Path rescored = ForgedRun.write(baseline, runs, "rescored", row -> row.status() != ItemStatus.OK ? row
                : PredictionRow.ok(row.itemId(), row.geo(), row.category(), row.topCategories(), halved(row.topScores())));

        Cli gate = Cli.run("gate", "--exact", "--baseline", baseline.toString(), "--run", rescored.toString());

        assertThat(gate.exitCode()).as(gate.err()).isZero();
        assertThat(gate.out()).isEqualTo("gate --exact: run rescored against baseline baseline: fails when any item's "
                + "pred_1..pred_5 or status changed\npassed: pred_1..pred_5 and status unchanged on all 600 items\n");
        assertThat(gate.err()).isEmpty();
    }

    /** Items whose id is a multiple of 3 swap pred_4 and pred_5; the smallest item id fails instead. */
    @Test
    void failsAnyChangedPredictionNamingTheFirstTenItems() throws IOException {
        List<Long> ids = StoredPredictions.read(baseline).rows().stream().map(PredictionRow::itemId).sorted().toList();
        long failed = ids.get(0);
        Path changed = ForgedRun.write(baseline, runs, "changed", row -> {
            if (row.itemId() == failed) {
                return PredictionRow.failed(row.itemId(), row.geo(), row.category(), ItemStatus.ADAPTER_ERROR, "planted");
            }
            if (row.itemId() % 3 != 0) {
                return row;
            }
            int[] top = row.topCategories().clone();
            top[3] = row.topCategories()[4];
            top[4] = row.topCategories()[3];
            return PredictionRow.ok(row.itemId(), row.geo(), row.category(), top, row.topScores());
        });
        List<Long> swapped = ids.stream().filter(id -> id % 3 == 0 && id != failed).toList();

        ExactGate.Verdict verdict = ExactGate.check(baseline, changed);
        Cli gate = Cli.run("gate", "--exact", "--baseline", baseline.toString(), "--run", changed.toString());

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.items()).isEqualTo(600);
        assertThat(verdict.changedItems()).isEqualTo(1 + swapped.size());
        assertThat(verdict.firstChanges()).hasSize(ExactGate.SHOWN);
        assertThat(verdict.firstChanges().get(0)).isEqualTo(new ExactGate.Change(failed, "status", "ok", "adapter_error"));
        assertThat(verdict.firstChanges()).extracting(ExactGate.Change::itemId).containsExactlyElementsOf(
                Stream.concat(Stream.of(failed), swapped.stream().limit(ExactGate.SHOWN - 1)).toList());
        int[] second = baselineRow(swapped.get(0)).topCategories();
        assertThat(verdict.firstChanges().get(1)).isEqualTo(new ExactGate.Change(swapped.get(0), "pred_4",
                Integer.toString(second[3]), Integer.toString(second[4])));
        assertThat(gate.exitCode()).isEqualTo(1);
        assertThat(gate.err()).startsWith("regression: predictions changed on " + verdict.changedItems() + " of 600 items; "
                + "the first 10:\n  item " + failed + ": status was ok, now adapter_error\n  item " + swapped.get(0)
                + ": pred_4 was " + second[3] + ", now " + second[4] + "\n");
        assertThat(gate.err().lines()).hasSize(1 + ExactGate.SHOWN);
    }

    @Test
    void refusesUpdate() {
        Cli update = Cli.run("gate", "--exact", "--suite", SuiteWork.suiteFolder().toString(), "--update");

        assertThat(update.exitCode()).isEqualTo(2);
        assertThat(update.err()).contains("--exact gates the fresh runs; --update replaces the committed ones");
    }

    private static PredictionRow baselineRow(long itemId) {
        StoredPredictions stored = StoredPredictions.read(baseline);
        return stored.rows().get(stored.rowOf(itemId));
    }

    private static float[] halved(float[] scores) {
        float[] half = new float[scores.length];
        for (int i = 0; i < scores.length; i++) {
            half[i] = scores[i] / 2;
        }
        return half;
    }
}
