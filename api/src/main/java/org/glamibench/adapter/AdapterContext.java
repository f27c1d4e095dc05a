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

    /**
     * Checks the components and makes the options an unmodifiable copy.
     *
     * @param classIndex the classes to score, in order
     * @param device     the device to run on
     * @param cacheDir   a folder the adapter may write to
     * @param options    {@code --adapter-option key=value} pairs; copied
     * @param seed       the run's seed
     * @param trainCsv   the train split's CSV, or empty when the dataset has none
     * @param progress   where status lines and progress meters go
     * @throws NullPointerException when any component but {@code seed} is null, or {@code options}
     *                              holds a null key or value
     */
    public AdapterContext {
        Objects.requireNonNull(classIndex, "classIndex");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(cacheDir, "cacheDir");
        options = Map.copyOf(options);
        Objects.requireNonNull(trainCsv, "trainCsv");
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * A context whose progress goes to standard error, redrawn on one line when this process runs
     * on a terminal ({@link ProgressOutput#of}).
     *
     * @param classIndex the classes to score, in order
     * @param device     the device to run on
     * @param cacheDir   a folder the adapter may write to
     * @param options    {@code --adapter-option key=value} pairs; copied
     * @param seed       the run's seed
     * @param trainCsv   the train split's CSV, or empty when the dataset has none
     * @throws NullPointerException when any argument but {@code seed} is null, or {@code options}
     *                              holds a null key or value
     */
    public AdapterContext(ClassIndex classIndex, DeviceSpec device, Path cacheDir, Map<String, String> options,
                          long seed, Optional<Path> trainCsv) {
        this(classIndex, device, cacheDir, options, seed, trainCsv,
                ProgressOutput.of(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /**
     * The train split to learn from, read row by row. Since API 1.0.0.
     *
     * @return a {@link TrainSplit} of {@link #trainCsv()}; empty when the dataset has none
     */
    public Optional<TrainSplit> trainSplit() {
        return trainCsv.map(TrainSplit::new);
    }

    /**
     * An option's value, or the default when not given.
     *
     * @param key          the option's name, the {@code key} of {@code --adapter-option key=value}
     * @param defaultValue what to return when the option was not given; may be null
     * @return the option's value, or {@code defaultValue}
     */
    public String option(String key, String defaultValue) {
        return options.getOrDefault(key, defaultValue);
    }
}
