package org.glamibench.benchmarks;

import org.glamibench.benchmarks.setup.BenchmarkSettings;
import org.glamibench.benchmarks.setup.BenchmarkData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.glamibench.benchmarks.adapter.AdapterForwardBenchmark;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.harness.Evaluation;
import org.glamibench.models.folder.ModelKind;
import org.glamibench.progress.ProgressOutput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A built-in model's whole evaluation over the {@value BenchmarkData#MODEL_TEST_ROWS} test items of
 * the benchmark sample at batch {@value #BATCH} on the CPU: reading, decoding and preparing on the
 * input threads, predicting, storing, metrics, opening the model included; in ms per run, so its
 * items/s is {@value BenchmarkData#MODEL_TEST_ROWS} * 1000 / score. Set beside
 * {@link AdapterForwardBenchmark} at the same batch, it says how close evaluation comes to the
 * model's own speed. Run with {@code OMP_WAIT_POLICY=PASSIVE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
public class ModelEvaluationBenchmark {
    /** Items per predict call. */
    public static final int BATCH = 32;

    @Param({"image", "text", "embracenet"})
    public String model;

    private DatasetLayout layout;
    private Path modelDir;
    private Path out;

    @Setup(Level.Trial)
    public void prepare() throws IOException, InterruptedException {
        layout = BenchmarkData.modelDataset();
        modelDir = BenchmarkData.trainedModel(ModelKind.of(model));
        out = Files.createDirectories(Path.of("target", "benchmark-runs"));
    }

    /** The whole evaluator over the test items. */
    @Benchmark
    public Object evaluate() throws IOException, InterruptedException {
        return Evaluation.builder(model).data(layout.root()).out(out).runId(model).batch(BATCH)
                .device(BenchmarkSettings.device()).force(true).adapterOption("model", modelDir.toString())
                .cache(out.resolve("cache")).build()
                .run(new ProgressOutput(new PrintWriter(Writer.nullWriter()), false)).result();
    }
}
