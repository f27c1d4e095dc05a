package org.glamibench.adapter;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.TrainSplit;
import org.glamibench.progress.ProgressOutput;

/**
 * What the harness gives an adapter when it opens.
 *
 * @param classIndex the classes to score, in order: score {@code i} is for
 *                   {@code classIndex.category(i)}
 * @param device     the device to run on; an adapter that cannot use it must throw from
 *                   {@code open}, never fall back silently
 * @param cacheDir   a folder the adapter may write to (downloaded weights, compiled models)
 * @param options    {@code --adapter-option key=value} pairs, unmodifiable
 * @param seed       the run's seed, for adapters with randomness
 * @param trainCsv   the train split's CSV when the dataset has one: adapters may read the train
 *                   split (to fit a prior, say), never the test split (in the sandbox it is the
 *                   only file of the dataset there is, at {@code /glami-bench/GLAMI-1M-train.csv})
 * @param progress   where status lines and progress meters of long work in {@code open} go
 *                   (downloading weights, say)
 */
public record AdapterContext(ClassIndex classIndex, DeviceSpec device, Path cacheDir, Map<String, String> options,
                             long seed, Optional<Path> trainCsv, ProgressOutput progress) {

    public AdapterContext {
        Objects.requireNonNull(classIndex, "classIndex");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(cacheDir, "cacheDir");
        options = Map.copyOf(options);
        Objects.requireNonNull(trainCsv, "trainCsv");
        Objects.requireNonNull(progress, "progress");
    }

    /** A context whose progress goes to standard error. */
    public AdapterContext(ClassIndex classIndex, DeviceSpec device, Path cacheDir, Map<String, String> options,
                          long seed, Optional<Path> trainCsv) {
        this(classIndex, device, cacheDir, options, seed, trainCsv,
                ProgressOutput.of(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /**
     * The train split to learn from, read row by row ({@link TrainSplit}); empty when the dataset has
     * none. Since API 1.0.0.
     */
    public Optional<TrainSplit> trainSplit() {
        return trainCsv.map(TrainSplit::new);
    }

    /** An option's value, or the default when not given. */
    public String option(String key, String defaultValue) {
        return options.getOrDefault(key, defaultValue);
    }
}
