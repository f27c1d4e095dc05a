package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.glamibench.cli.EvalCli.eval;
import static org.glamibench.cli.EvalCli.evalOk;
import static org.glamibench.cli.EvalCli.runJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glamibench.store.ItemStatus;
import org.glamibench.testing.AdapterJars;
import org.glamibench.cli.CommandRun;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.metrics.Scores;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.StoredPredictions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.glamibench.eval.TestDataset;

/**
 * Every way an adapter can break the output contract, each committed on two of twelve items (one
 * in the first batch of four, one in the second): the two are stored as adapter errors with a
 * message naming the adapter and the problem, the other items of their batches are still scored
 * after the item-by-item retry, the run goes on, and the failed items count as wrong. In process,
 * for speed: {@link ChildIsolationTest} shows that a child JVM records the same.
 */
class ContractViolationTest {
    private static final int BROKEN_A = 1;
    private static final int BROKEN_B = 6;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            count    | predict returned 0 score vectors for 1 items
            length   | 8 scores, expected one per class: 7
            nan      | score 0 is NaN
            inf      | score 1 is Infinity
            negative | probability 2 is negative: -0.25
            sum      | probabilities sum to 3.5, not 1 (tolerance 0.001)
            above1   | probability %d is above 1: 1.0005
            throw    | predict threw java.lang.IllegalStateException: cannot score this batch
            prepare  | prepare threw java.lang.IllegalArgumentException: cannot prepare guess %d
            """)
    void aViolationFailsOnlyItsItemAndTheRunGoesOn(String violation, String problem) throws Exception {
        List<GlamiRow> items = new ArrayList<>(TestDataset.items(12));
        items.set(BROKEN_A, TestDataset.breaking(items.get(BROKEN_A), violation));
        items.set(BROKEN_B, TestDataset.breaking(items.get(BROKEN_B), violation));
        Path data = TestDataset.write(dir, items);
        Path out = dir.resolve("runs");

        CommandRun run = evalOk(data, out, "--in-process", "--adapter-jar", AdapterJars.scripted().toString(), "--adapter", "scripted",
                "--batch", "4", "--save-scores", "--run-id", violation);

        StoredPredictions stored = StoredPredictions.read(out.resolve(violation));
        assertThat(stored.size()).isEqualTo(12);
        for (int i = 0; i < items.size(); i++) {
            GlamiRow item = items.get(i);
            PredictionRow row = stored.rows().get(i);
            assertThat(row.itemId()).isEqualTo(item.itemId());
            if (i == BROKEN_A || i == BROKEN_B) {
                // %d: the guessed category for prepare, its class index for above1
                int guess = guessOf(i, item);
                String expected = "adapter scripted: " + problem.formatted(
                        violation.equals("prepare") ? guess : indexOf(guess));
                assertThat(row).isEqualTo(PredictionRow.failed(item.itemId(), item.geo(), item.category(),
                        ItemStatus.ADAPTER_ERROR, expected));
                assertThat(stored.scores(i)).containsOnly(Float.NaN);
            } else {
                assertThat(row.status()).as("item %d", i).isEqualTo(ItemStatus.OK);
                assertThat(row.topCategories()[0]).isEqualTo(guessOf(i, item));
                assertThat(row.topScores()[0]).isEqualTo(0.5f);
            }
        }
        JsonNode json = runJson(out.resolve(violation));
        assertThat(json.at("/errors/adapter_errors").asLong()).isEqualTo(2);
        assertThat(json.at("/errors/input_errors").asLong()).isZero();
        JsonNode examples = json.at("/errors/examples");
        assertThat(examples).hasSize(2);
        assertThat(examples.get(0).get("item_id").asLong()).isEqualTo(1002);
        assertThat(examples.get(0).get("status").asText()).isEqualTo("adapter_error");
        assertThat(examples.get(0).get("message").asText()).isEqualTo(stored.rows().get(BROKEN_A).error());
        assertThat(examples.get(1).get("item_id").asLong()).isEqualTo(1007);
        assertThat(json.at("/metrics/status_counts/ok").asLong()).isEqualTo(10);
        assertThat(json.at("/metrics/status_counts/adapter_error").asLong()).isEqualTo(2);
        // Right guesses at 0, 1, 3, 4, 6, 7, 9, 10; the failed 1 and 6 count as wrong.
        assertThat(json.at("/metrics/top1_hits").asLong()).isEqualTo(6);
        assertThat(json.at("/metrics/top1").asDouble()).isEqualTo(0.5);
        assertThat(json.at("/metrics/calibration_n").asLong()).isEqualTo(10);
        assertThat(run.out()).contains("0 input errors, 2 adapter errors");
    }

    @Test
    void logitsAreTurnedIntoProbabilitiesWithSoftmax() throws Exception {
        List<GlamiRow> items = TestDataset.items(9);
        Path data = TestDataset.write(dir, items);
        Path out = dir.resolve("runs");

        evalOk(data, out, "--in-process", "--adapter-jar", AdapterJars.scripted().toString(), "--adapter", "scripted-logits",
                "--batch", "5", "--save-scores", "--run-id", "logits");

        StoredPredictions stored = StoredPredictions.read(out.resolve("logits"));
        assertThat(stored.size()).isEqualTo(9);
        for (int i = 0; i < items.size(); i++) {
            int guess = indexOf(guessOf(i, items.get(i)));
            float[] logits = new float[7];
            double sum = 0;
            for (int c = 0; c < 7; c++) {
                logits[c] = c == guess ? 3f : 0.25f * c;
                sum += Math.exp(logits[c]);
            }
            float[] softmax = Scores.softmax(logits);
            assertThat(stored.scores(i)).containsExactly(softmax);
            for (int c = 0; c < 7; c++) {
                assertThat((double) stored.scores(i)[c]).isCloseTo(Math.exp(logits[c]) / sum, within(1e-7));
            }
            PredictionRow row = stored.rows().get(i);
            // The guess, then the others by falling logit: the highest indices first.
            int[] expectedTop = new int[5];
            expectedTop[0] = guess;
            for (int c = 6, k = 1; k < 5; c--) {
                if (c != guess) {
                    expectedTop[k++] = c;
                }
            }
            for (int k = 0; k < 5; k++) {
                assertThat(row.topCategories()[k]).isEqualTo(TestDataset.CATEGORIES.get(expectedTop[k]));
                assertThat(row.topScores()[k]).isEqualTo(softmax[expectedTop[k]]);
            }
        }
        JsonNode json = runJson(out.resolve("logits"));
        assertThat(json.at("/adapter/output").asText()).isEqualTo("LOGITS");
        assertThat(json.at("/metrics/top1").asDouble()).isEqualTo(6 / 9.0);
    }

    @Test
    void failFastStopsAtTheFirstFailedItemAndKeepsWhatWasStored() throws Exception {
        List<GlamiRow> items = new ArrayList<>(TestDataset.items(12));
        items.set(BROKEN_B, TestDataset.breaking(items.get(BROKEN_B), "nan"));
        Path data = TestDataset.write(dir, items);
        Path out = dir.resolve("runs");
        String jar = AdapterJars.scripted().toString();

        CommandRun failed = eval(data, out, "--in-process", "--adapter-jar", jar, "--adapter", "scripted", "--batch", "4",
                "--run-id", "fast", "--fail-fast");

        assertThat(failed.exitCode()).as("%s", failed).isEqualTo(1);
        assertThat(failed.err()).isEqualTo("error: item 1007: adapter_error: adapter scripted: score 0 is NaN "
                + "(--fail-fast)\n");
        Path runDir = out.resolve("fast");
        assertThat(runDir.resolve("run.json")).doesNotExist();
        StoredPredictions kept = StoredPredictions.read(runDir);
        assertThat(kept.finished()).isFalse();
        assertThat(kept.rows()).extracting(PredictionRow::itemId).containsExactly(1001L, 1002L, 1003L, 1004L, 1005L, 1006L);
        assertThat(kept.rows()).extracting(PredictionRow::status).containsOnly(ItemStatus.OK);

        CommandRun otherRequest = eval(data, out, "--in-process", "--adapter-jar", jar, "--adapter", "scripted", "--run-id", "fast",
                "--seed", "2");
        assertThat(otherRequest.exitCode()).isEqualTo(2);
        assertThat(otherRequest.err()).startsWith("error: " + runDir + " holds an interrupted run of another request (")
                .endsWith("); resume it with the same options, or give another --run-id or --force\n");

        CommandRun resumed = evalOk(data, out, "--in-process", "--adapter-jar", jar, "--adapter", "scripted", "--batch", "4",
                "--run-id", "fast");

        assertThat(resumed.err()).contains("resuming " + runDir + ": 6 items already stored, 6 to go");
        JsonNode json = runJson(runDir);
        assertThat(json.at("/timing/resumed_items").asLong()).isEqualTo(6);
        assertThat(json.at("/timing/items").asLong()).isEqualTo(6);
        assertThat(json.at("/errors/adapter_errors").asLong()).isEqualTo(1);
        assertThat(json.at("/metrics/top1_hits").asLong()).isEqualTo(7);
        assertThat(Files.exists(runDir.resolve("predictions.csv"))).isTrue();
    }

    /** The category the scripted adapters guess for an item of {@link TestDataset#items}. */
    private static int guessOf(int position, GlamiRow item) {
        return position % 3 == 2 ? TestDataset.CATEGORIES.get((position + 1) % 7) : item.category();
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
