package org.glamibench.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterRegistry;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.Split;
import org.glamibench.dataset.SplitReader;
import org.glamibench.eval.EvaluationSettings;
import org.glamibench.eval.Evaluator;
import org.glamibench.image.ImageFile;
import org.glamibench.image.JpegDecoder;
import org.glamibench.image.RgbImage;
import org.glamibench.models.ModelKind;
import org.glamibench.models.folder.ModelFolder;
import org.glamibench.models.train.ModelTrainer;
import org.glamibench.models.train.TrainingSettings;
import org.glamibench.progress.ProgressOutput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A built-in model's evaluation side by side with its forward pass alone, at batch 32 on the CPU:
 * {@code forward} scores 32 items already prepared (decoded, shrunk, hashed) in items/s;
 * {@code evaluate} runs the whole evaluator over {@value #TEST_ITEMS} test items (reading,
 * decoding and preparing on the input threads, predicting, storing, metrics) in ms per run, so its
 * items/s is {@value #TEST_ITEMS} * 1000 / score. The ratio of the two says how close evaluation
 * comes to the model's own speed.
 *
 * <p>The models are trained once on the benchmark sample (1 epoch: weights do not change the
 * speed) into {@code target/benchmark-data/models-*}. Run with {@code OMP_WAIT_POLICY=PASSIVE}.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
public class ModelAdapterBenchmark {
    /** Test items per evaluation. */
    public static final int TEST_ITEMS = 1_024;
    /** Items per predict call. */
    public static final int BATCH = 32;

    @Param({"image", "text", "embracenet"})
    public String model;

    private DatasetLayout layout;
    private Path models;
    private Path out;
    private ModelAdapter<Object> adapter;
    private List<Object> prepared;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void prepare() throws Exception {
        layout = BenchmarkData.dataset(2_000, TEST_ITEMS, true);
        models = layout.root().getParent().resolveSibling("models-" + layout.root().getParent().getFileName());
        ProgressOutput quiet = new ProgressOutput(new PrintWriter(Writer.nullWriter()), false);
        for (ModelKind kind : List.of(ModelKind.IMAGE, ModelKind.TEXT, ModelKind.EMBRACENET)) {
            Path dir = models.resolve(kind.label());
            if (!ModelFolder.exists(dir)) {
                new ModelTrainer(quiet).train(layout, dir, TrainingSettings.builder(kind).optEpochs(1)
                        .optEncoders(models.resolve("image"), models.resolve("text")).build(), false);
            }
        }
        out = Files.createTempDirectory("glami-bench-model-adapter");
        ClassIndex classes = ClassIndex.read(layout, GlamiCsvReader.Mode.STRICT);
        try (AdapterRegistry registry = AdapterRegistry.load(List.of())) {
            adapter = (ModelAdapter<Object>) registry.get(model).factory().get();
        }
        adapter.open(new AdapterContext(classes, DeviceSpec.CPU, out.resolve("cache"),
                Map.of("model", models.resolve(model).toString()), 1, Optional.empty()));
        prepared = new ArrayList<>(BATCH);
        try (SplitReader reader = SplitReader.open(layout, Split.TEST, classes, GlamiCsvReader.Mode.STRICT);
             JpegDecoder decoder = new JpegDecoder()) {
            for (GlamiRow row = reader.next(); row != null && prepared.size() < BATCH; row = reader.next()) {
                RgbImage image = RgbImage.of(decoder.decode(ImageFile.read(layout.image(row.imageId()))));
                prepared.add(adapter.prepare(new ItemInput(image, row.name(), row.description(), row.geo(),
                        row.labelSource())));
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        adapter.close();
    }

    /** The forward pass alone on prepared inputs; ops/s are items/s. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public float[][] forward() throws Exception {
        return adapter.predict(prepared);
    }

    /** The whole evaluator over the test items, opening the model included. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object evaluate() throws IOException, InterruptedException {
        EvaluationSettings settings = new EvaluationSettings(Split.TEST, BATCH, Runtime.getRuntime().availableProcessors(),
                null, null, 1, DeviceSpec.CPU, false, false, true, Map.of("model", models.resolve(model).toString()),
                out.resolve("cache"), GlamiCsvReader.Mode.STRICT);
        try (AdapterRegistry registry = AdapterRegistry.load(List.of())) {
            return new Evaluator(new ProgressOutput(new PrintWriter(Writer.nullWriter()), false))
                    .evaluate(layout, registry.get(model), out, model, settings).result();
        }
    }
}
