package org.glamibench.benchmarks;

import org.glamibench.benchmarks.setup.BenchmarkData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.registry.AdapterRegistry;
import org.glamibench.registry.Isolation;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.adapter.OutputKind;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.harness.Evaluation;
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
 * The whole evaluator on the sample's 2,500-item test split with a no-op image adapter (it
 * prepares each image into the baseline's float CHW tensor, then returns uniform scores): what
 * the harness itself costs per item, with 1 and 2 input threads and with every core ({@code threads=0}).
 * With every core this is input preparation's ceiling: no image model, on a GPU or not, is fed
 * faster by this machine. Items/s = 2,500 / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class EvaluatorBenchmark {
    /** Test items scored per invocation. */
    public static final int TEST_ITEMS = 2_500;

    /** Input threads; 0 for as many as the machine has cores. */
    @Param({"1", "2", "0"})
    public int threads;

    private DatasetLayout layout;
    private Path out;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        layout = BenchmarkData.dataset(2_000, TEST_ITEMS, true);
        out = Files.createDirectories(Path.of("target", "benchmark-runs"));
    }

    @Benchmark
    public Object evaluate() throws IOException, InterruptedException {
        AdapterRegistry.Entry entry = new AdapterRegistry.Entry(NoOpImageAdapter.DESCRIPTOR, null, Isolation.IN_PROCESS,
                NoOpImageAdapter::new);
        int inputThreads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        return Evaluation.builder(entry).data(layout.root()).out(out).runId("no-op").threads(inputThreads).force(true)
                .cache(out.resolve("cache")).build()
                .run(new ProgressOutput(new PrintWriter(Writer.nullWriter()), false)).result();
    }

    /** Reads each image into a float tensor and scores nothing. */
    public static final class NoOpImageAdapter implements ModelAdapter<float[]> {
        static final AdapterDescriptor DESCRIPTOR = AdapterDescriptor.builder().setName("no-op-image").setVersion("1")
                .setModality(Modality.IMAGE).setOutput(OutputKind.PROBABILITIES).build();
        private int classes;

        @Override
        public AdapterDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public void open(AdapterContext context) {
            classes = context.classIndex().size();
        }

        @Override
        public float[] prepare(ItemInput item) {
            return item.image().toFloatChw();
        }

        @Override
        public float[][] predict(List<float[]> batch) {
            float[][] scores = new float[batch.size()][classes];
            for (float[] row : scores) {
                Arrays.fill(row, 1f / classes);
            }
            return scores;
        }

        @Override
        public void close() {
        }
    }
}
