package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.glamibench.cli.CommandRun;
import org.glamibench.files.JsonFiles;
import org.glamibench.files.Sha256;
import org.glamibench.features.ItemFeatureTable;
import org.glamibench.features.ItemFeatureWriter;
import org.glamibench.npy.Npy;
import org.glamibench.python.PythonScripts;
import org.glamibench.run.RunJsonSchema;
import org.glamibench.store.StoredPredictions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval --adapter baseline:glami-embracenet} end to end on the harness's sample, against what
 * the original Python code computes ({@code make_glami_embracenet_run.py}: skimage image loading, the
 * original's text features with a small mT5 encoder, torch's forward pass of a checkpoint of the
 * published structure). The Java run must give torch's probabilities within 1e-4 on every item, and
 * its top-1 wherever torch's margin is wider than that, with precomputed features and with features
 * computed in Java.
 */
class GlamiEmbraceNetEvalTest {
    private static final double TOLERANCE = 1e-4;

    @TempDir
    static Path root;
    private static Path data;
    private static Path python;
    private static long[] referenceIds;
    private static float[][] reference;

    @BeforeAll
    static void sampleAndPythonReference() throws IOException {
        CommandRun sample = CommandRun.of("sample", "--out", root.resolve("sample").toString(), "--train", "300",
                "--test", "24", "--seed", "3");
        assertThat(sample.exitCode()).as(sample.err()).isZero();
        data = root.resolve("sample/GLAMI-1M-dataset");
        python = root.resolve("python");
        PythonScripts.run("make_glami_embracenet_run.py", data.toString(), python.toString());
        referenceIds = readLongs(python.resolve("reference_item_ids.npy"));
        reference = readMatrix(python.resolve("reference_probabilities.npy"));
    }

    /** Evaluates into {@code runs/<runId>}; {@code KEY=VALUE} arguments are adapter options, others are passed as they are. */
    private static CommandRun eval(String runId, String... options) {
        List<String> args = new ArrayList<>(List.of("eval", "--data", data.toString(), "--adapter",
                "baseline:glami-embracenet", "--adapter-option", "checkpoint=" + python.resolve("checkpoint.pt"),
                "--save-scores", "--out", root.resolve("runs").toString(), "--run-id", runId, "--cache",
                root.resolve("cache").toString(), "--threads", "2"));
        for (String option : options) {
            if (option.contains("=")) {
                args.add("--adapter-option");
            }
            args.add(option);
        }
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void precomputedTextFeaturesGiveTorchsProbabilities() throws IOException {
        eval("precomputed", "text-features=" + python.resolve("features"), "embracement=expected");

        assertAgreesWithTorch(root.resolve("runs/precomputed"));
        RunJsonSchema.assertValid(root.resolve("runs/precomputed/run.json"));
        JsonNode run = JsonFiles.MAPPER.readTree(root.resolve("runs/precomputed/run.json").toFile());
        JsonNode adapter = run.get("adapter");
        assertThat(adapter.get("name").asText()).isEqualTo("baseline:glami-embracenet");
        String sha256 = Sha256.hexOf(Files.readAllBytes(python.resolve("checkpoint.pt")));
        assertThat(adapter.get("weights_sha256").asText()).isEqualTo(sha256);
        assertThat(adapter.get("version").asText()).isEqualTo("sha256:" + sha256.substring(0, 12));
        JsonNode configuration = adapter.get("configuration");
        assertThat(configuration.get("embracement").asText()).isEqualTo("expected");
        assertThat(configuration.get("text_mask").asText()).isEqualTo("true");
        assertThat(configuration.get("image_engine").asText()).isEqualTo("pytorch");
        assertThat(configuration.get("text_features").asText()).isEqualTo("precomputed " + python.resolve("features"));
        assertThat(configuration.get("weights").asText()).isEqualTo("local file, "
                + Files.size(python.resolve("checkpoint.pt")) + " bytes");
        assertThat(run.get("provenance").get("engine").asText()).isEqualTo("PyTorch");
    }

    @Test
    void theImageTrunkOnOnnxRuntimeGivesTorchsProbabilities() throws IOException {
        eval("onnxruntime", "text-features=" + python.resolve("features"), "embracement=expected",
                "image-engine=onnxruntime");

        assertAgreesWithTorch(root.resolve("runs/onnxruntime"));
        RunJsonSchema.assertValid(root.resolve("runs/onnxruntime/run.json"));
        JsonNode configuration = JsonFiles.MAPPER.readTree(root.resolve("runs/onnxruntime/run.json").toFile())
                .get("adapter").get("configuration");
        assertThat(configuration.get("image_engine").asText()).isEqualTo("onnxruntime");
        assertThat(configuration.get("embracement").asText()).isEqualTo("expected");
    }

    @Test
    void textFeaturesComputedInJavaGiveTorchsProbabilities() throws IOException {
        eval("computed", "text-model=" + python.resolve("model"), "embracement=expected");

        assertAgreesWithTorch(root.resolve("runs/computed"));
        JsonNode configuration = JsonFiles.MAPPER.readTree(root.resolve("runs/computed/run.json").toFile())
                .get("adapter").get("configuration");
        assertThat(configuration.get("text_features").asText())
                .isEqualTo("computed by the mT5 encoder in " + python.resolve("model"));
    }

    @Test
    void theTextFeaturesCommandWritesWhatTheOriginalComputes() throws IOException {
        Path out = root.resolve("java-features");
        CommandRun run = CommandRun.of("text-features", "--data", data.toString(), "--text-model",
                python.resolve("model").toString(), "--out", out.toString(), "--batch", "5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("24 text features of 1024 floats written to " + out);

        try (ItemFeatureTable java = ItemFeatureTable.open(out);
             ItemFeatureTable original = ItemFeatureTable.open(python.resolve("features"))) {
            assertThat(readLongs(out.resolve(ItemFeatureTable.ITEM_IDS))).containsExactly(referenceIds);
            for (long id : referenceIds) {
                float[] expected = original.row(id);
                float[] actual = java.row(id);
                for (int i = 0; i < expected.length; i++) {
                    assertThat((double) actual[i]).as("item %d value %d", id, i).isCloseTo(expected[i],
                            within(TOLERANCE));
                }
            }
        }
        JsonNode description = JsonFiles.MAPPER.readTree(out.resolve(ItemFeatureWriter.DESCRIPTION).toFile());
        assertThat(description.get("text_mask").asBoolean()).isTrue();
        assertThat(description.get("rows").asInt()).isEqualTo(24);
        assertThat(description.get("width").asInt()).isEqualTo(1024);

        CommandRun again = CommandRun.of("text-features", "--data", data.toString(), "--text-model",
                python.resolve("model").toString(), "--out", out.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        CommandRun unmasked = CommandRun.of("text-features", "--data", data.toString(), "--text-model",
                python.resolve("model").toString(), "--out", out.toString(), "--text-mask", "false");
        assertThat(unmasked.exitCode()).isEqualTo(2);
        assertThat(unmasked.err()).contains(out + " holds finished features of another request");
    }

    @Test
    void sampledEmbracementDrawsPerItemWhateverTheBatch() throws IOException {
        eval("sampled-1", "--batch", "1", "text-features=" + python.resolve("features"));
        eval("sampled-8", "--batch", "8", "text-features=" + python.resolve("features"));
        eval("expected-8", "--batch", "8", "text-features=" + python.resolve("features"), "embracement=expected");

        StoredPredictions one = StoredPredictions.read(root.resolve("runs/sampled-1"));
        StoredPredictions eight = StoredPredictions.read(root.resolve("runs/sampled-8"));
        StoredPredictions expected = StoredPredictions.read(root.resolve("runs/expected-8"));
        int differ = 0;
        for (long id : referenceIds) {
            float[] a = one.scores(one.rowOf(id));
            float[] b = eight.scores(eight.rowOf(id));
            for (int c = 0; c < a.length; c++) {
                assertThat((double) a[c]).as("item %d class %d", id, c).isCloseTo(b[c], within(1e-5));
            }
            if (!Arrays.equals(a, expected.scores(expected.rowOf(id)))) {
                differ++;
            }
        }
        assertThat(differ).as("sampled scores differ from the expectation's").isEqualTo(referenceIds.length);
        JsonNode configuration = JsonFiles.MAPPER.readTree(root.resolve("runs/sampled-1/run.json").toFile())
                .get("adapter").get("configuration");
        assertThat(configuration.get("embracement").asText()).isEqualTo("sampled");
    }

    @Test
    void anItemWithoutAFeaturesRowIsAnInputErrorNamingIt() throws IOException {
        Path partial = root.resolve("partial-features");
        long[] kept = Arrays.copyOfRange(referenceIds, 1, referenceIds.length);
        try (ItemFeatureTable original = ItemFeatureTable.open(python.resolve("features"));
             ItemFeatureWriter writer = ItemFeatureWriter.open(partial, kept, original.width(), Map.of())) {
            for (long id : kept) {
                writer.append(new float[][] {original.row(id)});
            }
            writer.finish();
        }

        eval("partial", "text-features=" + partial, "embracement=expected");

        JsonNode errors = JsonFiles.MAPPER.readTree(root.resolve("runs/partial/run.json").toFile()).get("errors");
        assertThat(errors.get("input_errors").asInt()).isEqualTo(1);
        assertThat(errors.get("examples").get(0).get("item_id").asLong()).isEqualTo(referenceIds[0]);
        assertThat(errors.get("examples").get(0).get("message").asText()).isEqualTo("item_id " + referenceIds[0]
                + " has no row in " + partial.resolve(ItemFeatureTable.ITEM_IDS));
    }

    @Test
    void aCheckpointOfOtherClassesStopsTheRunBeforeAnyItemNamingTheFirstDifference() throws IOException {
        Path other = Files.createDirectories(root.resolve("other-classes"));
        PythonScripts.run("make_glami_embracenet.py", other.toString(), "64", "6,132,2811", "0");
        Path checkpoint = other.resolve("checkpoint.pt");

        CommandRun run = CommandRun.of("eval", "--data", data.toString(), "--adapter", "baseline:glami-embracenet",
                "--adapter-option", "checkpoint=" + checkpoint, "--adapter-option",
                "text-features=" + python.resolve("features"), "--out", root.resolve("runs").toString(), "--run-id",
                "other-classes", "--cache", root.resolve("cache").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(checkpoint + ": its label_binarizer lists 3 categories, the run's class"
                + " index " + reference[0].length + "; they differ at position 1 (checkpoint: category 132, run:"
                + " category 120). The checkpoint scores only the classes it was trained on, in ascending category id.");
        assertThat(root.resolve("runs/other-classes/predictions.csv")).doesNotExist();
    }

    private static void assertAgreesWithTorch(Path runDir) {
        StoredPredictions stored = StoredPredictions.read(runDir);
        assertThat(stored.size()).isEqualTo(referenceIds.length);
        int agreeing = 0;
        for (int i = 0; i < referenceIds.length; i++) {
            long id = referenceIds[i];
            int row = stored.rowOf(id);
            assertThat(stored.rows().get(row).status().label()).as("item %d", id).isEqualTo("ok");
            float[] java = stored.scores(row);
            float[] torch = reference[i];
            for (int c = 0; c < torch.length; c++) {
                assertThat((double) java[c]).as("item %d class %d", id, c).isCloseTo(torch[c], within(TOLERANCE));
            }
            int[] order = top2(torch);
            if (torch[order[0]] - torch[order[1]] > TOLERANCE) {
                assertThat(stored.classIndex().indexOf(stored.rows().get(row).topCategories()[0]))
                        .as("top-1 of item %d", id).isEqualTo(order[0]);
                agreeing++;
            }
        }
        assertThat(agreeing).isGreaterThan(referenceIds.length / 2);
    }

    private static int[] top2(float[] scores) {
        int best = 0;
        int second = -1;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                second = best;
                best = c;
            } else if (second < 0 || scores[c] > scores[second]) {
                second = c;
            }
        }
        return new int[] {best, second};
    }

    private static long[] readLongs(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            Npy.Header header = Npy.read(channel, file.toString(), Npy.INT64, 1);
            return Npy.readLongs(channel, header.dataOffset(), (int) header.rows());
        }
    }

    private static float[][] readMatrix(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            Npy.Header header = Npy.read(channel, file.toString());
            float[] all = Npy.readFloats(channel, header.dataOffset(), (int) header.rows() * header.columns());
            float[][] rows = new float[(int) header.rows()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = Arrays.copyOfRange(all, i * header.columns(), (i + 1) * header.columns());
            }
            return rows;
        }
    }
}
