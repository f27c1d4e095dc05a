package org.glamibench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.glamibench.eval.Evaluator;
import org.glamibench.harness.Evaluation;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glami-bench eval}: scores a split with one adapter and writes a run folder. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates a model adapter on a split and writes results/runs/<run-id>/: predictions.csv "
                + "(the system of record), classes.json, optional scores.npy, and run.json with the metrics.",
            "An interrupted run resumes when the same command is given again.",
            "Adapters from --adapter-jar run in a child JVM, sandboxed where bubblewrap runs (see --sandbox, --no-sandbox, "
                + "--in-process): a crash, hang or garbage costs only the batch it happened on."})
final class EvalCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOptions dataOptions;

    @Mixin
    private IsolationOptions isolation;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test", description = "test or train (default: ${DEFAULT-VALUE}).")
    private String split;

    @Option(names = "--adapter", paramLabel = "NAME", required = true,
            description = "The adapter to evaluate: a built-in (prior, random, image, text, embracenet, exported, baseline, baseline:NAME) or one from --adapter-jar.")
    private String adapter;

    @Option(names = "--adapter-jar", paramLabel = "JAR",
            description = "A jar of adapters (repeatable); each gets its own class loader, and its adapter runs in a child JVM.")
    private List<Path> adapterJars = new ArrayList<>();

    @Option(names = "--adapter-option", paramLabel = "KEY=VALUE", description = "An option for the adapter (repeatable). exported: spec=FILE.json [threads=N]; "
                    + "baseline: name=NAME, or url=URL sha256=HEX [size=BYTES], [registry=FILE] [threads=N]; "
                    + "baseline:glami-embracenet: [checkpoint=FILE] [text-features=DIR | text-model=DIR] "
                    + "[embracement=sampled|expected] [text-mask=true|false] [image-engine=pytorch|onnxruntime]; "
                    + "embracenet: [model=DIR] "
                    + "[embracement=expected|sampled].")
    private Map<String, String> adapterOptions = new LinkedHashMap<>();

    @Mixin
    private DeviceOption deviceOption;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Items per predict call (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--threads", paramLabel = "N", description = "Input pipeline threads (default: the number of cores).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--limit", paramLabel = "N", description = "Score only the first N items of the split (N at or above its size: a full run, with a warning).")
    private Integer limit;

    @Option(names = "--subset", paramLabel = "N", description = "Score N items drawn stratified by geo with --seed: the same items every time (N at or above "
            + "the split's size: a full run, with a warning).")
    private Integer subset;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the subset draw and of seeded adapters (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--save-scores", description = "Also store every item's full probability vector in scores.npy (enables NLL, Brier, ECE).")
    private boolean saveScores;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/runs", description = "Folder of run folders (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--run-id", paramLabel = "ID", description = "The run folder's name (default: <adapter>-<split>-<manifest hash prefix>[-limitN|-subsetN]).")
    private String runId;

    @Option(names = "--force", description = "Redo a completed run in the same folder.")
    private boolean force;

    @Option(names = "--fail-fast", description = "Stop at the first input or adapter error instead of recording it and going on.")
    private boolean failFast;

    @Mixin
    private CacheOption cacheOption;

    @Option(names = "--batch-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long one batch may take in the adapter's child JVM before the child is ended and the batch "
                    + "retried once in a fresh one (default: ${DEFAULT-VALUE}).")
    private int batchTimeout;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Score the batches on Apache Spark: local[K], spark://HOST:PORT, yarn or k8s://... (the data and "
                    + "--adapter-jar paths must be seen by every executor; see docs/spark.md). The run folder is the same "
                    + "as a local run's, and either resumes the other.")
    private String sparkMaster;

    @Option(names = "--partitions", paramLabel = "N",
            description = "With --spark: partitions of each wave of batches (default: 4 x the task slots).")
    private Integer partitions;

    @Override
    public Integer call() throws Exception {
        PrintWriter printer = spec.commandLine().getOut();
        ProgressOutput progress = new ProgressOutput(spec.commandLine().getErr(), ProgressOutput.onTerminal());
        if (partitions != null && sparkMaster == null) {
            throw new IllegalArgumentException("--partitions needs --spark");
        }
        Evaluation evaluation = evaluation().build();
        Evaluator.Outcome outcome = sparkMaster == null ? evaluation.run(progress)
                : spark().evaluate(evaluation, sparkMaster, partitions, progress);
        printer.println(summary(outcome.runDir(), outcome.result()));
        printer.flush();
        return 0;
    }

    /**
     * The evaluation these options ask for.
     *
     * @throws IllegalArgumentException for a malformed option value
     */
    Evaluation.Builder evaluation() {
        Evaluation.Builder evaluation = Evaluation.builder(adapter).data(dataOptions.folder()).rowMode(dataOptions.mode())
                .adapterOptions(adapterOptions).isolation(isolation.settings()).batchTimeoutSeconds(batchTimeout)
                .out(out).runId(runId).split(Options.split(split)).batch(batch).threads(threads).limit(limit)
                .subset(subset).seed(seed).device(deviceOption.device()).saveScores(saveScores).failFast(failFast)
                .force(force).cache(cacheOption.folder());
        adapterJars.forEach(evaluation::adapterJar);
        return evaluation;
    }

    /**
     * The Spark runner on the class path.
     *
     * @throws IllegalArgumentException when the spark module is not on it
     */
    static SparkEvaluations spark() {
        return ServiceLoader.load(SparkEvaluations.class, EvalCommand.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--spark needs the spark module (glami-bench-spark) on the "
                        + "class path: the glami-bench launcher adds it when --spark is given; see docs/spark.md"));
    }

    static String summary(Path runDir, RunResult result) {
        Map<String, Object> m = result.metrics();
        return String.format(Locale.ROOT, "%s on %s (%,d items): top-1 %s, top-5 %s, macro F1 %s; %,d input errors, "
                        + "%,d adapter errors; %.1f items/s%nrun written to %s",
                result.adapter().name(), result.dataset().split(), result.dataset().scoredRows(), Format.value(m.get("top1")),
                Format.value(m.get("top5")), Format.value(m.get("macro_f1")), result.errors().inputErrors(),
                result.errors().adapterErrors(), result.timing().itemsPerSecond(), runDir);
    }
}
