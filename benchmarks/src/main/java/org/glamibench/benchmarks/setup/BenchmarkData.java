package org.glamibench.benchmarks.setup;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.models.folder.ModelKind;
import org.glamibench.models.folder.ModelFolder;
import org.glamibench.models.train.ModelTrainer;
import org.glamibench.models.train.TrainingSettings;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.sample.SampleGenerator;
import org.glamibench.sample.SampleOptions;

/**
 * Data the benchmarks read: sample datasets generated once into {@code target/benchmark-data/}
 * (or the folder named by the system property {@code glamibench.benchmark.data}) and reused, and
 * the built-in models trained on them.
 */
public final class BenchmarkData {
    /** Train rows of the sample the models are trained on. */
    public static final int MODEL_TRAIN_ROWS = 2_000;
    /** Test rows of that sample. */
    public static final int MODEL_TEST_ROWS = 1_024;

    private BenchmarkData() {
    }

    /**
     * A dataset of the given sizes, generated with seed 1 unless already there.
     *
     * @param images whether to write images
     */
    public static DatasetLayout dataset(int trainRows, int testRows, boolean images) throws IOException {
        Path root = Path.of(System.getProperty("glamibench.benchmark.data", "target/benchmark-data"))
                .resolve("sample-" + trainRows + "-" + testRows + (images ? "" : "-noimages"));
        Path dataset = root.resolve(DatasetLayout.FOLDER_NAME);
        if (!Files.isDirectory(dataset)) {
            SampleGenerator.generate(root, new SampleOptions(trainRows, testRows, 1, images,
                    SampleOptions.defaultThreads(), false));
        }
        return new DatasetLayout(dataset);
    }

    /**
     * The bytes of the first {@code count} JPEGs (in file name order) of the 2,000 / 500 sample
     * with images: the photos the image benchmarks decode.
     */
    public static List<byte[]> jpegs(int count) throws IOException {
        DatasetLayout layout = dataset(2_000, 500, true);
        List<byte[]> jpegs = new ArrayList<>(count);
        try (Stream<Path> files = Files.list(layout.imagesDir()).sorted().limit(count)) {
            for (Path file : files.toList()) {
                jpegs.add(Files.readAllBytes(file));
            }
        }
        return jpegs;
    }

    /** The sample the built-in models are trained on and benchmarked with (with images). */
    public static DatasetLayout modelDataset() throws IOException {
        return dataset(MODEL_TRAIN_ROWS, MODEL_TEST_ROWS, true);
    }

    /**
     * The folder of a built-in model trained for 1 epoch on {@link #modelDataset()} (weights do not
     * change the speed), training the image, text and EmbraceNet models first unless already there.
     */
    public static Path trainedModel(ModelKind kind) throws IOException, InterruptedException {
        DatasetLayout layout = modelDataset();
        Path models = layout.root().getParent().resolveSibling("models-" + layout.root().getParent().getFileName());
        ProgressOutput quiet = new ProgressOutput(new PrintWriter(Writer.nullWriter()), false);
        for (ModelKind each : List.of(ModelKind.IMAGE, ModelKind.TEXT, ModelKind.EMBRACENET)) {
            Path dir = models.resolve(each.label());
            if (!ModelFolder.exists(dir)) {
                new ModelTrainer(quiet).train(layout, dir, TrainingSettings.builder(each).optEpochs(1)
                        .optEncoders(models.resolve(ModelKind.IMAGE.label()), models.resolve(ModelKind.TEXT.label()))
                        .build(), false);
            }
        }
        return models.resolve(kind.label());
    }
}
