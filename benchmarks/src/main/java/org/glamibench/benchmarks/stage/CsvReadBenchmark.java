package org.glamibench.benchmarks.stage;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.glamibench.benchmarks.setup.BenchmarkData;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.Split;
import org.glamibench.dataset.TestManifest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a split CSV: the 1M-row train split written by {@code sample --train 1000000
 * --no-images}, in a JVM capped at 1 GB of heap (the streaming contract), and the manifest hash
 * of a 116,004-row test split. Each invocation reads the whole file; scores are rows per second.
 * Compare with benchmarks/src/main/python/pandas_read_csv.py on the same files.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
public class CsvReadBenchmark {
    /** Rows of the train split read by {@link #readTrainSplit()}. */
    public static final int TRAIN_ROWS = 1_000_000;
    /** Rows of the published test split, hashed by {@link #manifestOfTestSplit()}. */
    public static final int TEST_ROWS = 116_004;

    private DatasetLayout layout;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        layout = BenchmarkData.dataset(TRAIN_ROWS, TEST_ROWS, false);
    }

    /** Streams every train row through the strict reader; returns a checksum so nothing is dead code. */
    @Benchmark
    @OperationsPerInvocation(TRAIN_ROWS)
    public long readTrainSplit() {
        long sum = 0;
        try (GlamiCsvReader reader = GlamiCsvReader.open(layout.csv(Split.TRAIN), GlamiCsvReader.Mode.STRICT)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                sum += row.itemId() + row.name().length() + row.description().length();
            }
        }
        if (sum == 0) {
            throw new IllegalStateException("no rows read");
        }
        return sum;
    }

    /** Reads the test split and computes its manifest hash, as every run does. */
    @Benchmark
    @OperationsPerInvocation(TEST_ROWS)
    public String manifestOfTestSplit() {
        TestManifest.Builder manifest = new TestManifest.Builder(false);
        try (GlamiCsvReader reader = GlamiCsvReader.open(layout.csv(Split.TEST), GlamiCsvReader.Mode.STRICT)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                manifest.add(row);
            }
        }
        return manifest.build().sha256();
    }
}
