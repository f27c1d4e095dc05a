package org.glamibench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.harness.Evaluation;
import org.glamibench.models.folder.ModelKind;
import org.glamibench.models.folder.ModelFolder;
import org.glamibench.models.train.ModelTrainer;
import org.glamibench.models.train.TrainingSettings;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.run.RunResult;
import org.glamibench.sample.SampleOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glami-bench quickstart}: the main job on the built-in sample. Generates the default
 * sample when absent, trains the built-in models on its train split when absent (resuming an
 * interrupted training), evaluates the reference adapters and the models on its test split, and
 * prints a comparison table.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = {"Runs the main job on the built-in sample: generates it (if absent) under --work, trains the "
                + "image, text and embracenet models on its train split (if absent, into DIR/models), evaluates "
                + "prior, random and the three models on its test split, and prints a comparison table."})
final class QuickstartCommand implements Callable<Integer> {
    /** The adapters the quickstart evaluates, in table order. */
    static final List<String> ADAPTERS = List.of("prior", "random", "image", "text", "embracenet");
    /** The models it trains, in order (embracenet needs the other two). */
    static final List<ModelKind> MODELS = List.of(ModelKind.IMAGE, ModelKind.TEXT, ModelKind.EMBRACENET);

    @Spec
    private CommandSpec spec;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "target/quickstart",
            description = "Folder for the sample (DIR/sample) and the runs (DIR/runs) (default: ${DEFAULT-VALUE}).")
    private Path work;

    @Option(names = "--train", paramLabel = "N", defaultValue = "" + SampleOptions.DEFAULT_TRAIN_ROWS,
            description = "Train rows of a newly generated sample (default: ${DEFAULT-VALUE}).")
    private int train;

    @Option(names = "--test", paramLabel = "N", defaultValue = "" + SampleOptions.DEFAULT_TEST_ROWS,
            description = "Test rows of a newly generated sample (default: ${DEFAULT-VALUE}).")
    private int test;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the sample, the training and the runs (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Image decoding threads (default: the number of cores).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ProgressOutput progress = ProgressOutput.of(spec.commandLine().getErr());
        Path sample = work.resolve("sample");
        if (!Files.isDirectory(sample.resolve(DatasetLayout.FOLDER_NAME))) {
            progress.println("quickstart: generating the sample in " + sample);
            out.println(SampleCommand.generate(sample, new SampleOptions(train, test, seed, true,
                    SampleOptions.defaultThreads(), false), progress).describe());
        } else {
            progress.println("quickstart: using the sample in " + sample);
        }
        DatasetLayout layout = DatasetLayout.locate(sample, Map.of());
        Path models = work.resolve("models");
        for (ModelKind kind : MODELS) {
            Path dir = models.resolve(kind.label());
            if (ModelFolder.exists(dir)) {
                progress.println("quickstart: using the " + kind.label() + " model in " + dir);
                continue;
            }
            progress.println("quickstart: training the " + kind.label() + " model into " + dir);
            TrainingSettings training = TrainingSettings.builder(kind).optSeed(seed).optThreads(threads)
                    .optEncoders(models.resolve(ModelKind.IMAGE.label()), models.resolve(ModelKind.TEXT.label())).build();
            out.println(TrainCommand.summary(new ModelTrainer(progress).train(layout, dir, training, false)));
        }
        List<RunResult> results = new ArrayList<>();
        for (String adapter : ADAPTERS) {
            boolean trained = MODELS.stream().anyMatch(kind -> kind.label().equals(adapter));
            Evaluation evaluation = Evaluation.builder(adapter).data(layout.root()).out(work.resolve("runs"))
                    .runId(adapter).threads(threads).seed(seed).saveScores(true).force(true)
                    .adapterOptions(trained ? Map.of("model", models.resolve(adapter).toString()) : Map.of()).build();
            progress.println("quickstart: evaluating " + adapter);
            results.add(evaluation.run(progress).result());
        }
        out.print(comparison(results));
        out.println("runs written to " + work.resolve("runs") + " (see each run.json; 'glami-bench report DIR' summarises one)");
        out.flush();
        return 0;
    }

    /** The comparison table: top-1, top-5, macro F1, worst and best geo by top-1, items/s. */
    static String comparison(List<RunResult> results) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-10s %7s %7s %8s  %-11s %-11s %10s%n",
                "model", "top-1", "top-5", "macro F1", "worst geo", "best geo", "items/s"));
        for (RunResult result : results) {
            Map<String, Object> m = result.metrics();
            String worst = null;
            String best = null;
            double worstTop1 = Double.POSITIVE_INFINITY;
            double bestTop1 = Double.NEGATIVE_INFINITY;
            for (Map.Entry<?, ?> geo : ((Map<?, ?>) m.get("per_language")).entrySet()) {
                Object value = ((Map<?, ?>) geo.getValue()).get("top1");
                double top1 = value instanceof Number n ? n.doubleValue() : Double.NaN;
                if (top1 < worstTop1) {
                    worstTop1 = top1;
                    worst = geo.getKey() + " " + Format.value(top1).substring(1);
                }
                if (top1 > bestTop1) {
                    bestTop1 = top1;
                    best = geo.getKey() + " " + Format.value(top1).substring(1);
                }
            }
            table.append(String.format(Locale.ROOT, "%-10s %7s %7s %8s  %-11s %-11s %,10.0f%n", result.adapter().name(),
                    Format.value(m.get("top1")), Format.value(m.get("top5")), Format.value(m.get("macro_f1")),
                    worst, best, result.timing().itemsPerSecond()));
        }
        return table.toString();
    }
}
