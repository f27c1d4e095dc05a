package org.glamibench.spark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.api.java.JavaSparkContext;
import org.glamibench.adapter.exported.ModelSpec;
import org.glamibench.cli.GlamiBench;
import org.glamibench.eval.CompletedRunException;
import org.glamibench.files.JsonFiles;
import org.glamibench.eval.Evaluator;
import org.glamibench.harness.Evaluation;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.spark.SparkEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glami-bench sweep}: many models over one test set in one Spark application, one run folder
 * each under {@code OUT/runs/}, then the leaderboard over them in {@code OUT/leaderboard/} (never
 * the committed page). A completed run is kept, an interrupted one resumed. A model that fails is
 * reported and the others go on; the exit code is then 1.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Evaluates many models over one split on Apache Spark, one Spark application for all: one run "
                + "folder each in OUT/runs/ (as eval --spark writes it), then the leaderboard over them in "
                + "OUT/leaderboard/. Models are built-in or jar adapters (--adapters), or every model spec "
                + "(*.json, run by the exported adapter) of a folder (--spec-dir).",
            "A sweep given again resumes: completed runs are kept, interrupted ones resume."})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--spark", paramLabel = "MASTER", required = true,
            description = "The Spark master: local[K], spark://HOST:PORT, yarn or k8s://... (see docs/spark.md).")
    private String master;

    /** The models: adapters by name, or a folder of model specs. */
    static final class Models {
        @Option(names = "--adapters", paramLabel = "A,B,...", split = ",", required = true,
                description = "The adapters to evaluate, by name (built-in, baseline:NAME, or from --adapter-jar).")
        private List<String> adapters;

        @Option(names = "--spec-dir", paramLabel = "DIR", required = true,
                description = "A folder of model specs (*.json whose format is glami-bench-model-spec/1; other files, "
                        + "such as a tokenizer.json, are skipped; docs/models.md): each is evaluated with --adapter "
                        + "exported --adapter-option spec=FILE.")
        private Path specDir;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Models models;

    @Option(names = "--adapter-jar", paramLabel = "JAR", description = "A jar of adapters (repeatable), shipped to the executors.")
    private List<Path> adapterJars = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where the runs (OUT/runs/) and their leaderboard (OUT/leaderboard/) go.")
    private Path out;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions of each wave of batches (default: 4 x the task slots).")
    private Integer partitions;

    @Option(names = "--data", paramLabel = "DIR", description = "The dataset, as for eval (default: $EXTRACT_DIR/GLAMI-1M-dataset).")
    private Path data;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test", description = "test or train (default: ${DEFAULT-VALUE}).")
    private String split;

    @Option(names = "--limit", paramLabel = "N", description = "Score only the first N items, as for eval.")
    private Integer limit;

    @Option(names = "--subset", paramLabel = "N", description = "Score N items drawn stratified by geo with --seed, as for eval.")
    private Integer subset;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The seed, as for eval (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Items per predict call (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--save-scores", description = "Also store every item's full probability vector, as for eval.")
    private boolean saveScores;

    @Override
    public Integer call() throws Exception {
        PrintWriter printer = spec.commandLine().getOut();
        ProgressOutput progress = new ProgressOutput(spec.commandLine().getErr(), ProgressOutput.onTerminal());
        List<Evaluation> evaluations = new ArrayList<>();
        for (List<String> arguments : evalArguments()) {
            evaluations.add(GlamiBench.evaluation(arguments).build());
        }
        int failed = 0;
        boolean running = SparkEvaluation.running();
        JavaSparkContext spark = SparkEvaluation.context(master);
        try {
            for (Evaluation evaluation : evaluations) {
                try {
                    Evaluator.Outcome outcome = SparkEvaluation.run(spark, evaluation, partitions, progress);
                    Object top1 = outcome.result().metrics().get("top1");
                    printer.printf(Locale.ROOT, "%s: top-1 %s, run written to %s%n", evaluation.adapter(),
                            top1 instanceof Number n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : "undefined",
                            outcome.runDir());
                } catch (CompletedRunException e) {
                    printer.printf("%s: kept the completed run in %s%n", evaluation.adapter(), e.runDir());
                } catch (RuntimeException e) {
                    failed++;
                    printer.printf("%s: failed: %s%n", evaluation.adapter(), e.getMessage());
                }
                printer.flush();
            }
        } finally {
            if (!running) {
                spark.stop();
            }
        }
        CommandLine leaderboard = GlamiBench.newCommandLine();
        leaderboard.setOut(printer);
        leaderboard.setErr(spec.commandLine().getErr());
        int board = leaderboard.execute("leaderboard", "--results", out.toString(), "--out",
                out.resolve("leaderboard").toString());
        return board != 0 ? board : failed > 0 ? GlamiBench.EXIT_FAILED : 0;
    }

    /** The eval arguments of each model, in order. */
    private List<List<String>> evalArguments() throws IOException {
        List<String> common = new ArrayList<>(List.of("--out", out.resolve("runs").toString(), "--split", split,
                "--seed", Long.toString(seed), "--batch", Integer.toString(batch)));
        if (data != null) {
            common.addAll(List.of("--data", data.toString()));
        }
        if (limit != null) {
            common.addAll(List.of("--limit", limit.toString()));
        }
        if (subset != null) {
            common.addAll(List.of("--subset", subset.toString()));
        }
        if (saveScores) {
            common.add("--save-scores");
        }
        adapterJars.forEach(jar -> common.addAll(List.of("--adapter-jar", jar.toString())));
        List<List<String>> all = new ArrayList<>();
        for (String model : models.adapters != null ? models.adapters : List.<String>of()) {
            List<String> arguments = new ArrayList<>(List.of("--adapter", model));
            arguments.addAll(common);
            all.add(arguments);
        }
        if (models.specDir != null) {
            for (Path file : specs(models.specDir)) {
                // Checkpoints exported under one model name would share a run id: each is named by its file.
                String runId = file.getFileName().toString().replaceFirst("\\.json$", "");
                List<String> arguments = new ArrayList<>(List.of("--adapter", "exported", "--adapter-option",
                        "spec=" + file, "--run-id", runId));
                arguments.addAll(common);
                all.add(arguments);
            }
        }
        return all;
    }

    /**
     * The model specs of a folder (its *.json files whose format is a model spec's), by file name.
     *
     * @throws IllegalArgumentException when it is not a folder or holds none
     */
    private static List<Path> specs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--spec-dir " + dir + ": no such folder");
        }
        List<Path> specs;
        try (Stream<Path> files = Files.list(dir)) {
            specs = files.filter(file -> file.getFileName().toString().endsWith(".json") && Files.isRegularFile(file))
                    .sorted().toList();
        }
        List<Path> modelSpecs = new ArrayList<>();
        for (Path file : specs) {
            if (isModelSpec(file)) {
                modelSpecs.add(file);
            }
        }
        specs = modelSpecs;
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("--spec-dir " + dir + ": no model spec (*.json with \"format\": \""
                    + ModelSpec.FORMAT + "\") in it");
        }
        return specs;
    }

    /** Whether a JSON file is a model spec (its format says so), not a tokenizer or other file beside one. */
    private static boolean isModelSpec(Path file) {
        try {
            JsonNode format = JsonFiles.MAPPER.readTree(file.toFile()).path("format");
            return format.isTextual() && format.asText().equals(ModelSpec.FORMAT);
        } catch (IOException e) {
            return false;
        }
    }
}
