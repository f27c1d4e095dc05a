package org.glamibench.benchmarks.stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glamibench.adapter.exported.ModelSpec;
import org.glamibench.adapter.exported.TextEncoder;
import org.glamibench.benchmarks.setup.BenchmarkData;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.Split;
import org.glamibench.models.input.TextHasher;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One thread turning the name and description of {@value #TEXTS} sample test items into model
 * inputs: {@code hashedWords} as the built-in {@code text} and {@code embracenet} models do (hashed
 * words and character 3- to 5-grams, {@link TextHasher#defaults()}), {@code tokenizer} as the
 * {@code exported} adapter does (a HuggingFace tokenizer.json through DJL's tokenizers: here the
 * small WordLevel fixture of {@code models/src/test/resources/exported}, 12 tokens). Score: texts
 * per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
@OperationsPerInvocation(TextFeaturisationBenchmark.TEXTS)
public class TextFeaturisationBenchmark {
    /** Texts featurised per invocation. */
    public static final int TEXTS = 500;

    private final List<String[]> texts = new ArrayList<>();
    private final TextHasher hasher = TextHasher.defaults();
    private TextEncoder encoder;

    @Setup(Level.Trial)
    public void load() throws IOException {
        DatasetLayout layout = BenchmarkData.dataset(2_000, TEXTS, true);
        try (GlamiCsvReader reader = GlamiCsvReader.open(layout.csv(Split.TEST), GlamiCsvReader.Mode.STRICT)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                texts.add(new String[] {row.name(), row.description()});
            }
        }
        encoder = TextEncoder.open(ModelSpec.read(Path.of(System.getProperty("glamibench.benchmark.models",
                "../models/src/test/resources/exported")).resolve("text.onnx.json")));
    }

    @TearDown(Level.Trial)
    public void close() {
        encoder.close();
    }

    /** The built-in models' featurisation; returns a checksum so nothing is dead code. */
    @Benchmark
    public long hashedWords() {
        long sum = 0;
        for (String[] text : texts) {
            sum += hasher.ids(text[0], text[1]).length;
        }
        return sum;
    }

    /** The exported adapter's tokenisation of name + " " + description. */
    @Benchmark
    public long tokenizer() {
        long sum = 0;
        for (String[] text : texts) {
            sum += encoder.encode(text[0] + " " + text[1]).ids()[0];
        }
        return sum;
    }
}
