package org.glamibench.benchmarks.adapter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.exported.ExportedAdapter;
import org.glamibench.adapter.exported.ExportedInput;
import org.glamibench.adapter.exported.ModelSpec;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.Split;
import org.glamibench.image.RgbImage;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A forward pass of the same exported model on ONNX Runtime and on PyTorch (libtorch), through the
 * {@code exported} adapter: prepared inputs in, raw outputs out (array creation and copying
 * included, preprocessing excluded). Models: the test fixtures of
 * {@code models/src/test/python/export_fixtures.py} (MobileNetV2 width 0.25 at 3x64x48 by default;
 * {@code -p model=text} for the small text model), found in {@code ../models/src/test/resources/exported} or the folder named by
 * the system property {@code glamibench.benchmark.models}. {@code threads}: the engine's threads
 * (adapter option {@code threads}); 1 by default, since on a shared machine libtorch's OpenMP threads
 * suffer badly from other processes ({@code -p threads=0} gives the engines' defaults: one per core).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class ExportedModelBenchmark {

    @Param({"mobilenet_v2"})
    public String model;

    @Param({"onnx", "pt"})
    public String engine;

    @Param({"1", "32"})
    public int batch;

    @Param({"1"})
    public int threads;

    private ExportedAdapter adapter;
    private List<ExportedInput> inputs;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path dir = Path.of(System.getProperty("glamibench.benchmark.models", "../models/src/test/resources/exported"));
        Path specFile = dir.resolve(model + "." + engine + ".json");
        ModelSpec spec = ModelSpec.read(specFile);
        Map<Integer, String> classes = new TreeMap<>();
        for (int category : spec.output().categories()) {
            classes.put(category, "category-" + category);
        }
        adapter = new ExportedAdapter();
        adapter.open(new AdapterContext(ClassIndex.of(classes, Split.TRAIN), DeviceSpec.CPU, Path.of("target"),
                threads > 0 ? Map.of("spec", specFile.toString(), "threads", Integer.toString(threads))
                        : Map.of("spec", specFile.toString()), 1, Optional.empty()));
        List<RgbImage> images = new ArrayList<>();
        for (String name : new String[] {"a.png", "b.png", "c.png"}) {
            images.add(RgbImage.of(ImageIO.read(dir.resolve("images").resolve(name).toFile())));
        }
        String[] texts = {"Big Star Woman's Singlet T-shirt", "Kilpi Ženske športne jakne črna Rosa-W",
            "Női blúz ONLY Új termék címkével."};
        inputs = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            boolean image = spec.image() != null;
            inputs.add(adapter.prepare(new ItemInput(image ? images.get(i % 3) : null, texts[i % 3], "", Geo.CZ, "")));
        }
    }

    @Benchmark
    public float[][] forward() {
        return adapter.rawOutputs(inputs);
    }

    @TearDown(Level.Trial)
    public void close() {
        adapter.close();
    }
}
