package org.glamibench.benchmarks.adapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.registry.AdapterRegistry;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.benchmarks.setup.BenchmarkData;
import org.glamibench.benchmarks.setup.BenchmarkSettings;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.Split;
import org.glamibench.dataset.SplitReader;
import org.glamibench.image.ImageFile;
import org.glamibench.image.JpegDecoder;
import org.glamibench.image.RgbImage;
import org.glamibench.models.folder.ModelKind;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.glamibench.dataset.ClassIndexCollector;

/**
 * An adapter's forward pass: {@code predict} on a batch of test items of the benchmark sample,
 * prepared beforehand (decoded, preprocessed, featurised), on the device of
 * {@link BenchmarkSettings#device()}. {@code throughput}: predict calls per second (the report
 * multiplies by {@code batch} for items/s); {@code latency}: the time of one call, sampled, for its
 * percentiles.
 *
 * <p>{@code adapter} is any adapter name: the built-ins by default ({@code image}, {@code text} and
 * {@code embracenet} trained for 1 epoch on the sample, see {@link BenchmarkData#trainedModel}),
 * or one from the jars of {@link BenchmarkSettings#adapterJars()} with the options of
 * {@link BenchmarkSettings#adapterOptions(String)} ({@code exported} and {@code baseline} need a
 * model given that way). The items come from the benchmark sample, whose 191 categories are the
 * sample's (docs/sample-data.md), not all the real ids: an exported model must list categories of
 * the sample, as {@code benchmarks/peer/export_resnet18.py} does.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Djava.awt.headless=true"})
public class AdapterForwardBenchmark {

    @Param({"prior", "random", "image", "text", "embracenet"})
    public String adapter;

    @Param({"1", "8", "32", "128"})
    public int batch;

    private AdapterRegistry registry;
    private ModelAdapter<Object> opened;
    private List<Object> prepared;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        DatasetLayout layout = BenchmarkData.modelDataset();
        ClassIndex classes = ClassIndexCollector.read(layout, GlamiCsvReader.Mode.STRICT);
        registry = AdapterRegistry.load(BenchmarkSettings.adapterJars());
        AdapterRegistry.Resolved resolved = registry.resolve(adapter, options(adapter));
        opened = (ModelAdapter<Object>) resolved.entry().factory().get();
        Path cache = Files.createDirectories(Path.of("target", "benchmark-cache"));
        opened.open(new AdapterContext(classes, BenchmarkSettings.device(), cache, resolved.options(), 1,
                Optional.of(layout.csv(Split.TRAIN))));
        boolean images = resolved.entry().descriptor().modality().readsImage();
        prepared = new ArrayList<>(batch);
        try (SplitReader reader = SplitReader.open(layout, Split.TEST, classes, GlamiCsvReader.Mode.STRICT);
             JpegDecoder decoder = new JpegDecoder()) {
            for (GlamiRow row = reader.next(); row != null && prepared.size() < batch; row = reader.next()) {
                RgbImage image = images ? RgbImage.of(decoder.decode(ImageFile.read(layout.image(row.imageId())))) : null;
                prepared.add(opened.prepare(new ItemInput(image, row.name(), row.description(), row.geo(),
                        row.labelSource())));
            }
        }
        if (prepared.size() < batch) {
            throw new IllegalStateException("the benchmark sample has " + prepared.size() + " test items, fewer than batch "
                    + batch);
        }
    }

    /**
     * The options an adapter is benchmarked with: those of {@link BenchmarkSettings}, plus the
     * trained model's folder for a built-in model (trained first if absent).
     */
    public static Map<String, String> options(String adapter) throws IOException, InterruptedException {
        Map<String, String> options = new LinkedHashMap<>(BenchmarkSettings.adapterOptions(adapter));
        boolean builtInModel = Arrays.stream(ModelKind.values()).anyMatch(kind -> kind.label().equals(adapter));
        if (builtInModel && !options.containsKey("model")) {
            options.put("model", BenchmarkData.trainedModel(ModelKind.of(adapter)).toString());
        }
        return options;
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        try {
            opened.close();
        } finally {
            registry.close();
        }
    }

    /** Predict calls per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public float[][] throughput() throws Exception {
        return opened.predict(prepared);
    }

    /** The time of one predict call, sampled. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public float[][] latency() throws Exception {
        return opened.predict(prepared);
    }
}
