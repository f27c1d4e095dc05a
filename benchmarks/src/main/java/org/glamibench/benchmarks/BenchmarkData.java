package org.glamibench.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.sample.SampleGenerator;
import org.glamibench.sample.SampleOptions;

/**
 * Data the benchmarks read: sample datasets generated once into {@code target/benchmark-data/}
 * (or the folder named by the system property {@code glamibench.benchmark.data}) and reused.
 */
final class BenchmarkData {
    private BenchmarkData() {
    }

    /**
     * A dataset of the given sizes, generated with seed 1 unless already there.
     *
     * @param images whether to write images
     */
    static DatasetLayout dataset(int trainRows, int testRows, boolean images) throws IOException {
        Path root = Path.of(System.getProperty("glamibench.benchmark.data", "target/benchmark-data"))
                .resolve("sample-" + trainRows + "-" + testRows + (images ? "" : "-noimages"));
        Path dataset = root.resolve(DatasetLayout.FOLDER_NAME);
        if (!Files.isDirectory(dataset)) {
            SampleGenerator.generate(root, new SampleOptions(trainRows, testRows, 1, images,
                    SampleOptions.defaultThreads(), false));
        }
        return new DatasetLayout(dataset);
    }
}
