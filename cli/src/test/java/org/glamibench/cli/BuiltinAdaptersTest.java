package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.glamibench.cli.EvalCli.eval;
import static org.glamibench.cli.EvalCli.evalOk;
import static org.glamibench.cli.EvalCli.runJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glamibench.cli.CommandRun;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.StoredPredictions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.glamibench.eval.TestDataset;

/** The reference adapters every board shows: prior (majority) and random (chance). */
class BuiltinAdaptersTest {
    private static final List<GlamiRow> ITEMS = TestDataset.items(20);

    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path out;

    @BeforeAll
    static void writeData() {
        data = TestDataset.write(shared, ITEMS);
    }

    @Test
    void priorGivesEveryItemTheSmoothedTrainFrequencies() {
        evalOk(data, out, "--adapter", "prior", "--batch", "6", "--save-scores", "--run-id", "prior");

        // Count the train split's classes here, independently of the adapter.
        long[] counts = new long[7];
        for (GlamiRow row : TestDataset.trainRows()) {
            counts[indexOf(row.category())]++;
        }
        int largest = 0;
        for (int c = 1; c < 7; c++) {
            largest = counts[c] > counts[largest] ? c : largest;
        }
        assertThat(TestDataset.CATEGORIES.get(largest)).isEqualTo(22);
        float[] expected = new float[7];
        for (int c = 0; c < 7; c++) {
            expected[c] = (float) ((counts[c] + 1.0) / (100 + 7));
        }

        StoredPredictions stored = StoredPredictions.read(out.resolve("prior"));
        assertThat(stored.size()).isEqualTo(20);
        for (int r = 0; r < stored.size(); r++) {
            PredictionRow row = stored.rows().get(r);
            // 22 (31/107), 66 (21/107), 44 (16/107), 11 (13/107), 33 (10/107)
            assertThat(row.topCategories()).containsExactly(22, 66, 44, 11, 33);
            assertThat(row.topScores()).containsExactly(31f / 107, 21f / 107, 16f / 107, 13f / 107, 10f / 107);
            assertThat(stored.scores(r)).containsExactly(expected);
            assertThat(sum(stored.scores(r))).isCloseTo(1.0, within(1e-6));
        }
        JsonNode json = runJson(out.resolve("prior"));
        assertThat(json.at("/adapter/name").asText()).isEqualTo("prior");
        assertThat(json.at("/adapter/jar").isNull()).isTrue();
        assertThat(json.at("/adapter/jar_sha256").isNull()).isTrue();
        // Category 22 is at positions 1, 8 and 15 of the 20 test items.
        assertThat(json.at("/metrics/top1_hits").asLong()).isEqualTo(3);
        assertThat(json.at("/metrics/top1").asDouble()).isEqualTo(0.15);
        assertThat(json.at("/metrics/calibration_n").asLong()).isEqualTo(20);
    }

    @Test
    void priorNeedsTheTrainSplit() throws Exception {
        Path withoutTrain = Files.createDirectories(out.resolve("data"));
        Files.copy(data.resolve("GLAMI-1M-test.csv"), withoutTrain.resolve("GLAMI-1M-test.csv"));

        CommandRun run = eval(withoutTrain, out, "--adapter", "prior", "--run-id", "no-train");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: adapter prior failed to open: prior needs the train split "
                + "(GLAMI-1M-train.csv) to count class frequencies\n");
        assertThat(out.resolve("no-train/run.json")).doesNotExist();
    }

    @Test
    void randomGivesTheSameScoresToTheSameInputInAnyBatchAndRun() throws Exception {
        evalOk(data, out, "--adapter", "random", "--batch", "1", "--save-scores", "--run-id", "batch1");
        evalOk(data, out, "--adapter", "random", "--batch", "7", "--save-scores", "--run-id", "batch7");
        evalOk(data, out, "--adapter", "random", "--batch", "7", "--save-scores", "--run-id", "batch7-again");
        evalOk(data, out, "--adapter", "random", "--batch", "7", "--save-scores", "--seed", "2", "--run-id", "seed2");

        StoredPredictions batch1 = StoredPredictions.read(out.resolve("batch1"));
        StoredPredictions batch7 = StoredPredictions.read(out.resolve("batch7"));
        StoredPredictions seed2 = StoredPredictions.read(out.resolve("seed2"));
        assertThat(batch7.rows()).isEqualTo(batch1.rows());
        for (int r = 0; r < 20; r++) {
            assertThat(batch7.scores(r)).containsExactly(batch1.scores(r));
            assertThat(sum(batch1.scores(r))).isCloseTo(1.0, within(1e-6));
            assertThat(seed2.scores(r)).isNotEqualTo(batch1.scores(r));
        }
        assertThat(out.resolve("batch7/scores.npy")).hasSameBinaryContentAs(out.resolve("batch1/scores.npy"));
        assertThat(out.resolve("batch7-again/predictions.csv")).hasSameBinaryContentAs(out.resolve("batch1/predictions.csv"));
        assertThat(out.resolve("batch7-again/scores.npy")).hasSameBinaryContentAs(out.resolve("batch1/scores.npy"));
        assertThat(runJson(out.resolve("batch7")).get("metrics")).isEqualTo(runJson(out.resolve("batch1")).get("metrics"));
        runJson(out.resolve("batch7-again"));
        runJson(out.resolve("seed2"));
    }

    private static double sum(float[] scores) {
        double sum = 0;
        for (float score : scores) {
            sum += score;
        }
        return sum;
    }

    private static int indexOf(int category) {
        for (int c = 0; c < TestDataset.CATEGORIES.size(); c++) {
            if (TestDataset.CATEGORIES.get(c) == category) {
                return c;
            }
        }
        throw new IllegalArgumentException("no category " + category);
    }
}
