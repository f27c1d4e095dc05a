package org.glamibench.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.Split;
import org.glamibench.eval.EvaluationSettings;
import org.glamibench.eval.ScoringJob;
import org.glamibench.harness.AdapterRecipe;

/**
 * Everything an executor needs to score a run's batches, sent with every task: how to make the
 * adapter, where the data is, the run's settings and its class index. Its key names the run, so
 * that an executor keeps the adapters of one run open across that run's tasks.
 *
 * @param key      names the run within this Spark application
 * @param recipe   how to make the adapter; its jars by file name, as shipped with the application
 * @param dataRoot the dataset folder, which every executor sees at the same path
 */
record ExecutorJob(String key, AdapterRecipe recipe, String dataRoot, Split split, int batch, int threads,
                   Integer limit, Integer subset, long seed, String device, boolean saveScores, boolean failFast,
                   boolean force, TreeMap<String, String> adapterOptions, String cacheDir, GlamiCsvReader.Mode rowMode,
                   TreeMap<Integer, String> classNames, Split classSource, String classIndexSha256)
        implements Serializable {

    static ExecutorJob of(String key, AdapterRecipe recipe, ScoringJob job) {
        EvaluationSettings s = job.settings();
        ClassIndex classes = job.classIndex();
        TreeMap<Integer, String> names = new TreeMap<>();
        for (int i = 0; i < classes.size(); i++) {
            names.put(classes.category(i), classes.name(i));
        }
        return new ExecutorJob(key, recipe, job.layout().root().toString(), s.split(), s.batch(), s.threads(),
                s.limit(), s.subset(), s.seed(), s.device().toString(), s.saveScores(), s.failFast(), s.force(),
                new TreeMap<>(s.adapterOptions()), s.cacheDir().toString(), s.rowMode(), names, classes.source(),
                classes.sha256());
    }

    DatasetLayout layout() {
        return new DatasetLayout(Path.of(dataRoot));
    }

    EvaluationSettings settings() {
        return new EvaluationSettings(split, batch, threads, limit, subset, seed, DeviceSpec.parse(device), saveScores,
                failFast, force, Map.copyOf(adapterOptions), Path.of(cacheDir), rowMode);
    }

    /**
     * The driver's class index.
     *
     * @throws IllegalStateException when it does not come out the same as on the driver
     */
    ClassIndex classIndex() {
        ClassIndex classes = ClassIndex.of(classNames, classSource);
        if (!classes.sha256().equals(classIndexSha256)) {
            throw new IllegalStateException("the class index rebuilt on an executor differs from the driver's");
        }
        return classes;
    }
}
