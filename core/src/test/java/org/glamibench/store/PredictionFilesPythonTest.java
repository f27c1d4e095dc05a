package org.glamibench.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glamibench.files.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files as numpy and pandas read them. {@code core/src/test/python/make_store_fixtures.py}
 * had this writer write {@link SampleRun}'s folder, read it with {@code np.load} and
 * {@code pd.read_csv} (numpy 1.24.2, pandas 1.5.3, Debian's {@code /usr/bin/python3}), and recorded in
 * {@code store/sample-run.python.json} the sha256 of the bytes it read, what it read, and checks it
 * made over all rows. Equal hashes here mean the writer still makes those very bytes, so what numpy
 * and pandas read from them holds for it; when the format changes on purpose, rerun the script.
 */
class PredictionFilesPythonTest {
    static JsonNode python;

    @TempDir
    Path dir;

    @BeforeAll
    static void readFixture() throws IOException {
        try (InputStream in = PredictionFilesPythonTest.class.getResourceAsStream("/store/sample-run.python.json")) {
            python = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theWriterStillMakesTheBytesNumpyAndPandasRead() throws IOException {
        SampleRun.write(dir);

        assertThat(Sha256.hexOf(Files.readAllBytes(dir.resolve("predictions.csv"))))
                .isEqualTo(python.get("predictions_csv_sha256").asText());
        assertThat(Sha256.hexOf(Files.readAllBytes(dir.resolve("scores.npy"))))
                .isEqualTo(python.get("scores_npy_sha256").asText());
    }

    @Test
    void numpyLoadsTheScoresAsWritten() {
        List<TestRuns.Item> items = SampleRun.items();
        JsonNode scores = python.get("scores");

        assertThat(scores.get("dtype").asText()).isEqualTo("float32");
        assertThat(scores.get("shape")).containsExactly(num(items.size()), num(6));
        JsonNode values = scores.get("values");
        assertThat(values.size()).isEqualTo(20);
        for (int i = 0; i < values.size(); i++) {
            float[] expected = items.get(i).probabilities();
            for (int c = 0; c < 6; c++) {
                JsonNode value = values.get(i).get(c);
                if (expected == null) {
                    assertThat(value.isNull()).as("row %d class %d is NaN", i, c).isTrue();
                } else {
                    assertThat(value.asDouble()).as("row %d class %d", i, c).isEqualTo((double) expected[c]);
                }
            }
        }
    }

    @Test
    void pandasReadsEachRowAsWritten() {
        List<TestRuns.Item> items = SampleRun.items();
        JsonNode rows = python.get("rows");

        assertThat(rows.size()).isEqualTo(20);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode read = rows.get(i);
            PredictionRow written = items.get(i).row();
            assertThat(read.get("item_id").asLong()).isEqualTo(written.itemId());
            assertThat(read.get("geo").asText()).isEqualTo(written.geo().code());
            assertThat(read.get("category").asInt()).isEqualTo(written.category());
            for (int k = 0; k < PredictionRow.TOP_K; k++) {
                JsonNode pred = read.get("pred_" + (k + 1));
                JsonNode score = read.get("score_" + (k + 1));
                if (k < written.topCategories().length) {
                    assertThat(pred.asDouble()).isEqualTo(written.topCategories()[k]);
                    assertThat((float) score.asDouble()).as("row %d score_%d", i, k + 1)
                            .isEqualTo(written.topScores()[k]);
                } else {
                    assertThat(pred.isNull() && score.isNull()).isTrue();
                }
            }
            assertThat(read.get("status").asText()).isEqualTo(written.status().label());
            assertThat(read.get("error").isNull() ? "" : read.get("error").asText()).isEqualTo(written.error());
        }
        assertThat(rows.get(5).get("error").asText()).isEqualTo("first line\nsecond line");
        assertThat(rows.get(6).get("error").asText()).isEqualTo("windows line\r\nend");
        assertThat(rows.get(7).get("error").asText()).isEqualTo("\"");
    }

    @Test
    void pandasTypesTheColumnsAndTheChecksOverAllRowsHeld() {
        JsonNode dtypes = python.get("dtypes");
        assertThat(dtypes.get("item_id").asText()).isEqualTo("int64");
        assertThat(dtypes.get("category").asText()).isEqualTo("int64");
        assertThat(dtypes.get("pred_1").asText()).isEqualTo("float64");
        assertThat(dtypes.get("score_5").asText()).isEqualTo("float64");
        assertThat(dtypes.get("error").asText()).isEqualTo("object");

        JsonNode checks = python.get("checks");
        assertThat(checks.size()).isEqualTo(6);
        checks.properties().forEach(check -> assertThat(check.getValue().asBoolean()).as(check.getKey()).isTrue());
    }

    private static JsonNode num(int value) {
        return new ObjectMapper().getNodeFactory().numberNode(value);
    }
}
