package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.adapter.ItemInput;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.Split;
import org.glamibench.files.JsonFiles;
import org.glamibench.image.RgbImage;
import org.glamibench.models.FusionInput;
import org.glamibench.models.adapters.EmbraceNetAdapter;
import org.glamibench.models.adapters.TextModelAdapter;
import org.glamibench.models.folder.ModelFolder;
import org.glamibench.models.folder.ModelFolderException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.glamibench.dataset.ClassIndexCollector;

/**
 * The quickstart on a small sample (1,000 train and 200 test rows): it trains the three built-in
 * models with their default settings and compares them with the reference adapters. Then the
 * models and runs it wrote are checked through the command line and through the adapters.
 */
class TrainedModelsTest {
    @TempDir
    static Path root;
    private static Path data;
    private static Path models;
    private static CommandRun quickstart;

    @BeforeAll
    static void runTheQuickstartOnASmallSample() {
        quickstart = CommandRun.of("quickstart", "--work", root.toString(), "--train", "1000", "--test", "200");
        assertThat(quickstart.exitCode()).as(quickstart.err()).isZero();
        data = root.resolve("sample");
        models = root.resolve("models");
    }

    @Test
    void theFusionBeatsBothModelsWhichBeatThePrior() {
        Map<String, Double> top1 = new java.util.HashMap<>();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^(\\S+) +(\\d\\.\\d{4}) ")
                .matcher(quickstart.out());
        while (row.find()) {
            top1.put(row.group(1), Double.parseDouble(row.group(2)));
        }
        assertThat(top1).as(quickstart.out()).containsOnlyKeys(QuickstartCommand.ADAPTERS);
        // Trained on 1,000 rows and scored on 200 items, the fusion's edge over the better single model is
        // within the noise (one standard error is about 2 points here); on the default sample the
        // quickstart shows the full gap. What must hold even here: no model is worse than the prior,
        // and the fusion is not clearly worse than either of its inputs.
        assertThat(top1.get("embracenet")).isGreaterThan(Math.max(top1.get("image"), top1.get("text")) - 0.03);
        assertThat(Math.min(top1.get("image"), top1.get("text"))).isGreaterThan(top1.get("prior"));
        assertThat(top1.get("embracenet")).isGreaterThan(top1.get("prior"));
        assertThat(quickstart.out()).contains("image model written to " + models.resolve("image"));
    }

    @Test
    void modelJsonSaysWhatWasTrainedOnWhatAndHashesItsFiles() throws IOException {
        DatasetLayout layout = DatasetLayout.locate(data, Map.of());
        ClassIndex classes = ClassIndexCollector.read(layout, GlamiCsvReader.Mode.STRICT);
        CommandRun inspect = CommandRun.of("inspect", "--data", data.toString(), "--split", "train", "--json");
        String trainManifest = JsonFiles.MAPPER.readTree(inspect.out()).get("manifest_sha256").asText();
        for (String model : List.of("text", "image", "embracenet")) {
            Path dir = models.resolve(model);
            JsonNode json = JsonFiles.MAPPER.readTree(dir.resolve("model.json").toFile());
            assertThat(json.get("format").asText()).isEqualTo("glami-bench-model-v1");
            assertThat(json.get("model").asText()).isEqualTo(model);
            assertThat(json.get("classes").get("sha256").asText()).isEqualTo(classes.sha256());
            assertThat(json.get("classes").get("index")).hasSize(classes.size());
            assertThat(json.get("classes").get("index").get(0).get("category").asInt()).isEqualTo(classes.category(0));
            assertThat(json.get("training").get("data_manifest_sha256").asText()).isEqualTo(trainManifest);
            assertThat(json.get("training").get("train_rows").asInt() + json.get("training").get("validation_rows").asInt())
                    .isEqualTo(1000);
            assertThat(json.get("files").get("model.params").asText())
                    .isEqualTo(ModelFolder.sha256(dir.resolve("model.params")));
            assertThat(json.get("epochs").get(0).get("validation_top1").isNumber()).isTrue();
            assertThat(json.get("parameter_count").asLong()).isPositive();
            assertThat(Files.exists(dir.resolve("checkpoint"))).isFalse();
        }
        JsonNode fusion = JsonFiles.MAPPER.readTree(models.resolve("embracenet/model.json").toFile());
        assertThat(fusion.get("settings").get("encoders").asText()).isEqualTo("frozen");
        assertThat(fusion.get("settings").get("label_source").asBoolean()).isFalse();
        assertThat(fusion.get("training").get("inputs").get("image").asText())
                .isEqualTo(ModelFolder.sha256(models.resolve("image/model.json")));
    }

    @Test
    void runJsonRecordsTheModelAndTheEngine() throws IOException {
        for (String model : List.of("text", "image", "embracenet")) {
            JsonNode runJson = JsonFiles.MAPPER.readTree(root.resolve("runs").resolve(model).resolve("run.json").toFile());
            JsonNode modelJson = modelJson(model);
            assertThat(runJson.get("provenance").get("engine").asText()).isEqualTo("PyTorch");
            assertThat(runJson.get("provenance").get("engine_version").asText()).isEqualTo("2.7.1");
            assertThat(runJson.get("provenance").get("djl_version").asText()).isEqualTo("0.36.0");
            assertThat(runJson.get("provenance").get("engine_device").asText()).isEqualTo("cpu()");
            assertThat(runJson.get("adapter").get("output").asText()).isEqualTo("LOGITS");
            assertThat(runJson.get("adapter").get("parameter_count").asLong())
                    .isEqualTo(modelJson.get("parameter_count").asLong());
            assertThat(runJson.get("adapter").get("weights_sha256").asText())
                    .isEqualTo(modelJson.get("files").get("model.params").asText());
            assertThat(runJson.get("settings").get("adapter_options").get("model").asText())
                    .isEqualTo(models.resolve(model).toString());
            assertThat(runJson.get("errors").get("adapter_errors").asLong()).isZero();
            assertThat(runJson.get("dataset").get("scored_rows").asInt()).isEqualTo(200);
        }
        JsonNode prior = JsonFiles.MAPPER.readTree(root.resolve("runs/prior/run.json").toFile());
        assertThat(prior.get("provenance").get("engine").isNull()).isTrue();
    }

    @Test
    void evalOfATrainedModelFromTheCommandLine() throws IOException {
        CommandRun run = CommandRun.of("eval", "--adapter", "text", "--adapter-option", "model=" + models.resolve("text"),
                "--data", data.toString(), "--out", root.resolve("cli-runs").toString(), "--run-id", "text", "--limit",
                "50", "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("text on test (50 items)");
    }

    @Test
    void anotherClassIndexIsRefusedAtOpenNamingBothHashes() {
        ClassIndex other = ClassIndex.of(Map.of(6, "womens-blouses-and-shirts", 132, "womens-pants"), Split.TRAIN);
        String trained = modelJson("text").get("classes").get("sha256").asText();
        try (TextModelAdapter adapter = new TextModelAdapter()) {
            assertThatThrownBy(() -> adapter.open(context(other, DeviceSpec.CPU, Map.of("model",
                    models.resolve("text").toString()))))
                    .isInstanceOf(ModelFolderException.class)
                    .hasMessageContaining("trained on class index " + trained + " (")
                    .hasMessageContaining("this run's class index is " + other.sha256() + " (2 classes)");
        }
        CommandRun eval = CommandRun.of("eval", "--adapter", "text", "--adapter-option",
                "model=" + models.resolve("text"), "--data", root.resolve("other").toString());
        assertThat(eval.exitCode()).isNotZero();
    }

    @Test
    void aChangedWeightsFileAMissingFolderAndAnUnknownOptionAreRefused() throws IOException {
        Path copy = root.resolve("tampered");
        Files.createDirectories(copy);
        for (String file : List.of("model.json", "model.params")) {
            Files.copy(models.resolve("text").resolve(file), copy.resolve(file));
        }
        byte[] params = Files.readAllBytes(copy.resolve("model.params"));
        params[params.length - 1] ^= 1;
        Files.write(copy.resolve("model.params"), params);
        ClassIndex classes = ClassIndexCollector.read(DatasetLayout.locate(data, Map.of()), GlamiCsvReader.Mode.STRICT);
        try (TextModelAdapter adapter = new TextModelAdapter()) {
            assertThatThrownBy(() -> adapter.open(context(classes, DeviceSpec.CPU, Map.of("model", copy.toString()))))
                    .isInstanceOf(ModelFolderException.class).hasMessageContaining("differs from")
                    .hasMessageContaining("model.json (the file changed since training)");
            assertThatThrownBy(() -> adapter.open(context(classes, DeviceSpec.CPU,
                    Map.of("model", root.resolve("nothing").toString()))))
                    .isInstanceOf(ModelFolderException.class)
                    .hasMessageContaining("no trained text model here (model.json missing)");
            assertThatThrownBy(() -> adapter.open(context(classes, DeviceSpec.CPU, Map.of("modle", "x"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("text: unknown --adapter-option [modle]; known: [model]");
        }
    }

    @Test
    void aGpuOnThisMachineIsAClearErrorForTrainAndEval() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ai.djl.engine.Engine.getInstance().getGpuCount() == 0);
        CommandRun train = CommandRun.of("train", "--model", "text", "--data", data.toString(), "--out",
                root.resolve("gpu-model").toString(), "--device", "gpu");
        assertThat(train.exitCode()).isEqualTo(2);
        assertThat(train.err()).contains("error: --device gpu:0: the PyTorch 2.7.1 engine of this build is the CPU one (libtorch cpu) and sees no GPU; for a GPU, run the GPU build: GLAMI_BENCH_GPU=1 ./glami-bench");
        CommandRun eval = CommandRun.of("eval", "--adapter", "text", "--adapter-option", "model=" + models.resolve("text"),
                "--data", data.toString(), "--out", root.resolve("gpu-runs").toString(), "--device", "gpu:1");
        assertThat(eval.exitCode()).isEqualTo(2);
        assertThat(eval.err()).contains("adapter text failed to open: --device gpu:1: the PyTorch 2.7.1 engine of this build is the CPU one");
    }

    @Test
    void aTrainedModelIsNotOverwrittenWithoutForce() {
        CommandRun again = CommandRun.of("train", "--model", "text", "--data", data.toString(), "--out",
                models.resolve("text").toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("holds a trained text model; give --force to train it again");
    }

    @Test
    void embraceNetIsDeterministicByDefaultAndStochasticPerItemWhenAsked() throws Exception {
        ClassIndex classes = ClassIndexCollector.read(DatasetLayout.locate(data, Map.of()), GlamiCsvReader.Mode.STRICT);
        RgbImage grey = new RgbImage(228, 298, new byte[228 * 298 * 3]);
        ItemInput a = new ItemInput(grey, "Kilpi jakne", "", Geo.SI, "admin");
        ItemInput b = new ItemInput(grey, "Női blúz ONLY", "Új termék", Geo.HU, "custom-tag");
        for (boolean stochastic : new boolean[] {false, true}) {
            try (EmbraceNetAdapter adapter = new EmbraceNetAdapter()) {
                adapter.open(context(classes, DeviceSpec.CPU, Map.of("model", models.resolve("embracenet").toString(),
                        "stochastic", Boolean.toString(stochastic))));
                FusionInput pa = adapter.prepare(a);
                FusionInput pb = adapter.prepare(b);
                float[][] pair = adapter.predict(List.of(pa, pb));
                assertThat(adapter.predict(List.of(adapter.prepare(a), adapter.prepare(b)))).isEqualTo(pair);
                // another batch may take other float kernels: equal up to rounding, not bit for bit
                float[][] alone = adapter.predict(List.of(pb));
                assertThat(alone[0]).as("stochastic=" + stochastic).containsExactly(pair[1], within(1e-5f));
                assertThat(adapter.engine()).isPresent();
                assertThat(adapter.descriptor().parameterCount()).isPositive();
            }
        }
    }

    private static AdapterContext context(ClassIndex classes, DeviceSpec device, Map<String, String> options) {
        return new AdapterContext(classes, device, root.resolve("cache"), options, 1, Optional.empty());
    }

    private static JsonNode modelJson(String model) {
        try {
            return JsonFiles.MAPPER.readTree(models.resolve(model).resolve("model.json").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
