package org.glamibench.benchmarks.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.Split;
import org.glamibench.files.FileTrees;
import org.glamibench.store.ItemStatus;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.PredictionStore;
import org.glamibench.store.StoredPredictions;
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
 * The prediction store on a full test split: 116,004 rows over 191 classes (1% of them failed
 * items), written with the default checkpoints (fsync every 10,000 rows or 5 s) and finished, with
 * and without full score vectors ({@code scores.npy}: 88.6 MB), and read back with every check.
 * One operation is one row, so scores are rows per second. The folder is under
 * {@code java.io.tmpdir}: the numbers depend on that disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class PredictionStoreBenchmark {
    static final int ROWS = 116_004;
    static final int CLASSES = 191;
    private static final int DISTINCT_VECTORS = 1024;

    @Param({"true", "false"})
    public boolean saveScores;

    private ClassIndex classes;
    private PredictionRow[] rows;
    private float[][] probabilities;
    private Path folder;
    private Path written;

    @Setup(Level.Trial)
    public void makeRows() throws IOException {
        Map<Integer, String> names = new TreeMap<>();
        for (int i = 0; i < CLASSES; i++) {
            names.put(100 + 7 * i, "class-" + i);
        }
        classes = ClassIndex.of(names, Split.TRAIN);
        SplittableRandom random = new SplittableRandom(42);
        float[][] vectors = new float[DISTINCT_VECTORS][];
        for (int v = 0; v < DISTINCT_VECTORS; v++) {
            vectors[v] = softmax(random);
        }
        rows = new PredictionRow[ROWS];
        probabilities = new float[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            long itemId = 10_000_000L + i;
            Geo geo = Geo.values()[i % Geo.values().length];
            int category = classes.category(random.nextInt(CLASSES));
            if (i % 100 == 99) {
                rows[i] = PredictionRow.failed(itemId, geo, category, ItemStatus.INPUT_ERROR,
                        "images/" + itemId + ".jpg: unreadable, \"EOF\"");
            } else {
                float[] p = vectors[i % DISTINCT_VECTORS];
                rows[i] = top5(itemId, geo, category, p);
                probabilities[i] = p;
            }
        }
        written = Files.createTempDirectory("glami-bench-store-read");
        writeRun(written.resolve("run"));
    }

    @Setup(Level.Invocation)
    public void newFolder() throws IOException {
        folder = Files.createTempDirectory("glami-bench-store");
    }

    @TearDown(Level.Invocation)
    public void deleteFolder() {
        delete(folder);
    }

    @TearDown(Level.Trial)
    public void deleteWritten() {
        delete(written);
    }

    /** Opens a new run, appends every row, finishes. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Path write() {
        return writeRun(folder.resolve("run"));
    }

    /** Reads and checks a finished run of every row. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public StoredPredictions read() {
        return StoredPredictions.read(written.resolve("run"));
    }

    private Path writeRun(Path run) {
        try (PredictionStore store = PredictionStore.open(run, classes, saveScores)) {
            for (int i = 0; i < ROWS; i++) {
                store.append(rows[i], saveScores ? probabilities[i] : null);
            }
            store.finish();
        }
        return run;
    }

    private static float[] softmax(SplittableRandom random) {
        double[] logits = new double[CLASSES];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CLASSES; c++) {
            logits[c] = random.nextGaussian() * 3;
            max = Math.max(max, logits[c]);
        }
        double sum = 0;
        for (int c = 0; c < CLASSES; c++) {
            logits[c] = Math.exp(logits[c] - max);
            sum += logits[c];
        }
        float[] p = new float[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            p[c] = (float) (logits[c] / sum);
        }
        return p;
    }

    private PredictionRow top5(long itemId, Geo geo, int category, float[] p) {
        int[] best = IntStream.range(0, CLASSES).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -p[c]).thenComparingInt(c -> c))
                .limit(PredictionRow.TOP_K).mapToInt(Integer::intValue).toArray();
        int[] categories = new int[best.length];
        float[] scores = new float[best.length];
        for (int k = 0; k < best.length; k++) {
            categories[k] = classes.category(best[k]);
            scores[k] = p[best[k]];
        }
        return PredictionRow.ok(itemId, geo, category, categories, scores);
    }

    private static void delete(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
