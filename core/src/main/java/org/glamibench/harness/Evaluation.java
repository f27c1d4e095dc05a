package org.glamibench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.Split;
import org.glamibench.eval.EvaluationSettings;
import org.glamibench.eval.Evaluator;
import org.glamibench.eval.Scorer;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.registry.AdapterRegistry;

/**
 * One evaluation, typed: which data, which adapter with which options, how it runs and where its
 * run folder goes. {@link #run} scores it and writes the run folder, exactly as {@code glami-bench
 * eval} does with the same settings (the command builds one of these). Immutable; make one with
 * {@link #builder}, whose defaults are the command line's.
 */
public final class Evaluation {
    /** A batch on which an adapter's child JVM failed is retried once, in a fresh child. */
    private static final int CHILD_RETRIES = 1;

    private final Path data;
    private final Map<String, String> environment;
    private final String adapter;
    private final AdapterRegistry.Entry entry;
    private final Map<String, String> adapterOptions;
    private final List<Path> adapterJars;
    private final IsolationSettings isolation;
    private final int batchTimeoutSeconds;
    private final Path out;
    private final String runId;
    private final Split split;
    private final int batch;
    private final int threads;
    private final Integer limit;
    private final Integer subset;
    private final long seed;
    private final DeviceSpec device;
    private final boolean saveScores;
    private final boolean failFast;
    private final boolean force;
    private final Path cache;
    private final GlamiCsvReader.Mode rowMode;

    private Evaluation(Builder b) {
        data = b.data;
        environment = Map.copyOf(b.environment);
        adapter = b.adapter;
        entry = b.entry;
        adapterOptions = Map.copyOf(b.adapterOptions);
        adapterJars = List.copyOf(b.adapterJars);
        isolation = b.isolation;
        batchTimeoutSeconds = b.batchTimeoutSeconds;
        out = b.out;
        runId = b.runId;
        split = b.split;
        batch = b.batch;
        threads = b.threads;
        limit = b.limit;
        subset = b.subset;
        seed = b.seed;
        device = b.device;
        saveScores = b.saveScores;
        failFast = b.failFast;
        force = b.force;
        cache = b.cache != null ? b.cache : defaultCache(environment);
        rowMode = b.rowMode;
    }

    /**
     * A builder for an evaluation of the adapter of that name (a built-in, {@code baseline:NAME}, or
     * one from {@link Builder#adapterJar}).
     *
     * @param adapter the adapter's name, as for {@code --adapter}
     * @return a builder with the command line's defaults
     */
    public static Builder builder(String adapter) {
        return new Builder(Objects.requireNonNull(adapter, "adapter"), null);
    }

    /**
     * A builder for an evaluation of an adapter given as a registry entry (run as the entry says,
     * without the registry of built-ins and jars): for programs and benchmarks that bring their own.
     *
     * @param entry the adapter
     * @return a builder with the command line's defaults
     */
    public static Builder builder(AdapterRegistry.Entry entry) {
        return new Builder(entry.descriptor().name(), entry);
    }

    /**
     * The adapters' cache folder by default: {@code $GLAMI_BENCH_CACHE}, else
     * {@code ~/.cache/glami-bench}.
     *
     * @param environment the environment variables
     * @return the folder
     */
    public static Path defaultCache(Map<String, String> environment) {
        String dir = environment.get("GLAMI_BENCH_CACHE");
        return dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".cache", "glami-bench");
    }

    /**
     * Scores the evaluation and writes its run folder, resuming an interrupted run of the same
     * request there.
     *
     * @param progress where progress and status lines go
     * @return the run folder and its run.json
     * @throws org.glamibench.dataset.DatasetException for missing or unusable data
     * @throws org.glamibench.eval.RequestRefusedException when the adapter refuses its options or
     *                                                     device, the run is complete and not
     *                                                     forced, or the folder holds another
     *                                                     request's run
     * @throws org.glamibench.eval.EvaluationException when the adapter cannot open otherwise, or a
     *                                                 fail-fast item fails
     * @throws IllegalArgumentException for an unknown adapter, wrong options or isolation settings
     *                                  that cannot run here
     * @throws IOException              when the run folder cannot be written
     * @throws InterruptedException     when interrupted
     */
    public Evaluator.Outcome run(ProgressOutput progress) throws IOException, InterruptedException {
        return run(progress, Evaluator.IN_THIS_JVM);
    }

    /**
     * Scores the evaluation with that scorer and writes its run folder, as {@link #run(ProgressOutput)}
     * does: a run started by one scorer resumes under another.
     *
     * @param scorer where the batches are scored
     * @return the run folder and its run.json
     * @throws org.glamibench.dataset.DatasetException as {@link #run(ProgressOutput)}, and so on
     * @throws IOException          when the run folder cannot be written
     * @throws InterruptedException when interrupted
     */
    public Evaluator.Outcome run(ProgressOutput progress, Scorer scorer) throws IOException, InterruptedException {
        DatasetLayout layout = dataset();
        if (entry != null) {
            return new Evaluator(progress, scorer).evaluate(layout, entry, out, runId, settings(adapterOptions));
        }
        AdapterRecipe recipe = recipe();
        try (AdapterRegistry registry = recipe.registry(Path::of, progress)) {
            AdapterRegistry.Resolved resolved = recipe.resolve(registry);
            return new Evaluator(progress, scorer).evaluate(layout, resolved.entry(), out, runId,
                    settings(resolved.options()));
        }
    }

    /** The dataset these settings name. */
    public DatasetLayout dataset() {
        return DatasetLayout.locate(data, environment);
    }

    /**
     * How to make this evaluation's adapter on another machine that sees the same data and jars.
     *
     * @throws IllegalStateException for an evaluation built from a registry entry, which has none
     */
    public AdapterRecipe recipe() {
        if (entry != null) {
            throw new IllegalStateException("adapter " + adapter + " was given as a registry entry: it has no recipe");
        }
        DatasetLayout layout = dataset();
        return new AdapterRecipe(adapter, adapterOptions, adapterJars.stream().map(Path::toString).toList(), isolation,
                device.toString(), batchTimeoutSeconds, CHILD_RETRIES, threads,
                List.of(layout.root().toString(), out.toString()));
    }

    private EvaluationSettings settings(Map<String, String> options) {
        return new EvaluationSettings(split, batch, threads, limit, subset, seed, device, saveScores, failFast, force,
                options, cache, rowMode);
    }

    /** The adapter's name. */
    public String adapter() {
        return adapter;
    }

    /** The folder the run folder goes into. */
    public Path out() {
        return out;
    }

    /** The run folder's name; null for the default one ({@link org.glamibench.eval.RunNames}). */
    public String runId() {
        return runId;
    }

    /** Builds an {@link Evaluation}; every setter returns this builder. */
    public static final class Builder {
        private Path data;
        private Map<String, String> environment = System.getenv();
        private final String adapter;
        private final AdapterRegistry.Entry entry;
        private final Map<String, String> adapterOptions = new LinkedHashMap<>();
        private final List<Path> adapterJars = new ArrayList<>();
        private IsolationSettings isolation = IsolationSettings.DEFAULT;
        private int batchTimeoutSeconds = 300;
        private Path out = Path.of("results", "runs");
        private String runId;
        private Split split = Split.TEST;
        private int batch = 32;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Integer limit;
        private Integer subset;
        private long seed = 1;
        private DeviceSpec device = DeviceSpec.CPU;
        private boolean saveScores;
        private boolean failFast;
        private boolean force;
        private Path cache;
        private GlamiCsvReader.Mode rowMode = GlamiCsvReader.Mode.STRICT;

        private Builder(String adapter, AdapterRegistry.Entry entry) {
            this.adapter = adapter;
            this.entry = entry;
        }

        /**
         * The dataset: the {@code GLAMI-1M-dataset} folder or one containing it; null (the default)
         * for {@code $EXTRACT_DIR/GLAMI-1M-dataset}.
         */
        public Builder data(Path data) {
            this.data = data;
            return this;
        }

        /** The environment variables that defaults are read from (default: this process's). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** Adds an adapter option, as for {@code --adapter-option KEY=VALUE}. */
        public Builder adapterOption(String key, String value) {
            adapterOptions.put(key, value);
            return this;
        }

        /** Adds adapter options, in order. */
        public Builder adapterOptions(Map<String, String> options) {
            adapterOptions.putAll(options);
            return this;
        }

        /** Adds a jar of adapters, as for {@code --adapter-jar}. */
        public Builder adapterJar(Path jar) {
            adapterJars.add(Objects.requireNonNull(jar, "jar"));
            return this;
        }

        /**
         * How jar adapters run (default: {@link IsolationSettings#DEFAULT}, sandboxed where the
         * sandbox can run, else in a child JVM after a warning line on the progress output).
         */
        public Builder isolation(IsolationSettings isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        /** How long one batch may take in an adapter's child JVM (default: 300 s). */
        public Builder batchTimeoutSeconds(int seconds) {
            this.batchTimeoutSeconds = seconds;
            return this;
        }

        /** The folder of run folders (default: {@code results/runs}). */
        public Builder out(Path out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /** The run folder's name; null (the default) for the default name. */
        public Builder runId(String runId) {
            this.runId = runId;
            return this;
        }

        /** The split to score (default: test). */
        public Builder split(Split split) {
            this.split = Objects.requireNonNull(split, "split");
            return this;
        }

        /** Items per predict call (default: 32). */
        public Builder batch(int batch) {
            this.batch = batch;
            return this;
        }

        /** Input pipeline threads (default: the number of cores). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Score only the first N items; null (the default) for all. */
        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        /** Score N items drawn stratified by geo with the seed; null (the default) for all. */
        public Builder subset(Integer subset) {
            this.subset = subset;
            return this;
        }

        /** The seed of the subset draw and of seeded adapters (default: 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The device asked for (default: the CPU). */
        public Builder device(DeviceSpec device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /** Whether to store every item's probability vector in scores.npy (default: no). */
        public Builder saveScores(boolean saveScores) {
            this.saveScores = saveScores;
            return this;
        }

        /** Whether to stop at the first input or adapter error (default: no, record it and go on). */
        public Builder failFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        /** Whether to redo a completed run in the same folder (default: no). */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /** The adapters' cache folder; null (the default) for {@link #defaultCache}. */
        public Builder cache(Path cache) {
            this.cache = cache;
            return this;
        }

        /** Strict (the default) or lenient reading of the split's rows. */
        public Builder rowMode(GlamiCsvReader.Mode rowMode) {
            this.rowMode = Objects.requireNonNull(rowMode, "rowMode");
            return this;
        }

        /**
         * The evaluation.
         *
         * @return it
         * @throws IllegalArgumentException for a batch, thread count, limit or subset below 1, or both
         *                                  a limit and a subset (child JVM settings are checked by
         *                                  {@link Evaluation#run})
         */
        public Evaluation build() {
            Evaluation evaluation = new Evaluation(this);
            evaluation.settings(evaluation.adapterOptions);
            return evaluation;
        }
    }
}
