package org.glamibench.leaderboard.gate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.glamibench.cli.GlamiBench;
import org.glamibench.harness.Evaluation;
import org.glamibench.progress.ProgressOutput;
import picocli.CommandLine;

/**
 * The committed baseline runs of the reference models, and how to remake them. A suite is a
 * folder (in this project {@code results/baselines/}) holding {@value #SPEC_FILE} and one run
 * folder per model. The spec file has one instruction per line ({@code #} starts a comment):
 * <pre>
 * sample --train 2000 --test 600 --seed 7              # the arguments of `glami-bench sample`
 * train image --model image --epochs 4 --seed 7        # a name, then the arguments of `glami-bench train`
 * model prior --adapter prior --seed 7                 # a run id, then the arguments of `glami-bench eval`
 * model image --adapter image --adapter-option model=@image --seed 7
 * </pre>
 * Adding a reference model is one {@code model} line (and a {@code train} line for a model
 * trained on the sample). {@code @NAME}, as a whole argument or after a {@code =}, stands for the
 * folder that the {@code train NAME} line above it trains; models are trained afresh on the sample,
 * never reused. The suite sets {@code --data}, {@code --out} and {@code --force} of a training and
 * {@code --data}, {@code --out}, {@code --run-id}, {@code --batch}, {@code --cache} and
 * {@code --force} of an evaluation itself; scores are never stored ({@code --save-scores} is
 * refused), so committed runs stay small. Arguments are split at white space, without quoting.
 */
public final class BaselineSuite {
    /** The spec file's name in the suite folder. */
    public static final String SPEC_FILE = "baselines.txt";
    /** The batch size the committed runs are evaluated with. */
    public static final int BATCH = 32;
    /** The files of a run folder that are committed (no scores.npy, no .part files). */
    static final Set<String> COMMITTED_FILES = Set.of("run.json", "request.json", "classes.json", "predictions.csv");
    private static final Set<String> SET_BY_SUITE = Set.of("--data", "--out", "--run-id", "--batch", "--cache",
            "--force", "--save-scores");
    private static final Set<String> SET_BY_SUITE_IN_TRAINING = Set.of("--data", "--out", "--force");
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";
    /** A reference to a trained folder: {@code @NAME} as a whole argument or after {@code =}. */
    private static final Pattern REFERENCE = Pattern.compile("(^|=)@(" + NAME + ")$");

    /**
     * A model the suite trains on its sample before evaluating.
     *
     * @param name      its name: {@code @name} in later lines stands for its folder
     * @param trainArgs the arguments of {@code glami-bench train}, references unresolved
     */
    public record Training(String name, List<String> trainArgs) {
    }

    /**
     * A reference model.
     *
     * @param id       its run id, the name of its run folder in the suite
     * @param evalArgs the arguments of {@code glami-bench eval} that evaluate it, references to
     *                 trained folders unresolved
     */
    public record Model(String id, List<String> evalArgs) {
    }

    private final Path folder;
    private final List<String> sampleArgs;
    private final List<Training> trainings;
    private final List<Model> models;

    private BaselineSuite(Path folder, List<String> sampleArgs, List<Training> trainings, List<Model> models) {
        this.folder = folder;
        this.sampleArgs = List.copyOf(sampleArgs);
        this.trainings = List.copyOf(trainings);
        this.models = List.copyOf(models);
    }

    /**
     * Reads a suite's spec file.
     *
     * @throws IllegalArgumentException naming the file and line, when the spec is missing or wrong
     * @throws IOException              when it cannot be read
     */
    public static BaselineSuite read(Path folder) throws IOException {
        Path spec = folder.resolve(SPEC_FILE);
        if (!Files.isRegularFile(spec)) {
            throw new IllegalArgumentException(folder + ": no " + SPEC_FILE + " (not a baseline suite)");
        }
        List<String> sample = null;
        List<Training> trainings = new ArrayList<>();
        List<Model> models = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> trained = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(spec, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            List<String> words = Arrays.asList(line.split("\\s+"));
            String where = SPEC_FILE + ":" + (n + 1) + ": ";
            switch (words.get(0)) {
                case "sample" -> {
                    if (sample != null) {
                        throw new IllegalArgumentException(where + "a second sample line");
                    }
                    sample = words.subList(1, words.size());
                    if (sample.contains("--out") || sample.contains("--force")) {
                        throw new IllegalArgumentException(where + "--out and --force are set by the suite");
                    }
                }
                case "train" -> {
                    if (words.size() < 3 || !words.get(1).matches(NAME)) {
                        throw new IllegalArgumentException(where + "expected 'train <name> <train arguments>'");
                    }
                    if (trained.contains(words.get(1))) {
                        throw new IllegalArgumentException(where + "train " + words.get(1) + " is listed twice");
                    }
                    List<String> args = checked(words.subList(2, words.size()), SET_BY_SUITE_IN_TRAINING, trained, where);
                    trained.add(words.get(1));
                    trainings.add(new Training(words.get(1), args));
                }
                case "model" -> {
                    if (words.size() < 3 || !words.get(1).matches(NAME)) {
                        throw new IllegalArgumentException(where + "expected 'model <run-id> <eval arguments>'");
                    }
                    if (!ids.add(words.get(1))) {
                        throw new IllegalArgumentException(where + "model " + words.get(1) + " is listed twice");
                    }
                    models.add(new Model(words.get(1), checked(words.subList(2, words.size()), SET_BY_SUITE, trained, where)));
                }
                default -> throw new IllegalArgumentException(where + "expected 'sample ...', 'train ...' or 'model ...', "
                        + "got '" + words.get(0) + "'");
            }
        }
        if (sample == null || models.isEmpty()) {
            throw new IllegalArgumentException(SPEC_FILE + ": needs one 'sample' line and at least one 'model' line");
        }
        return new BaselineSuite(folder, sample, trainings, models);
    }

    /**
     * A line's arguments, refusing those the suite sets and references to a folder that no
     * {@code train} line above trains.
     */
    private static List<String> checked(List<String> args, Set<String> setBySuite, Set<String> trained, String where) {
        for (String arg : args) {
            if (setBySuite.contains(arg.replaceFirst("=.*", ""))) {
                throw new IllegalArgumentException(where + arg + " is set by the suite (it sets "
                        + String.join(", ", setBySuite.stream().sorted().toList()) + ")");
            }
            Matcher reference = REFERENCE.matcher(arg);
            if (reference.find() && !trained.contains(reference.group(2))) {
                throw new IllegalArgumentException(where + arg + ": no 'train " + reference.group(2) + "' line above");
            }
        }
        return List.copyOf(args);
    }

    /** The suite folder. */
    public Path folder() {
        return folder;
    }

    /** The models trained on the sample, in spec order. */
    public List<Training> trainings() {
        return trainings;
    }

    /** The reference models, in spec order. */
    public List<Model> models() {
        return models;
    }

    /** The committed run folder of a model. */
    public Path baseline(Model model) {
        return folder.resolve(model.id());
    }

    /**
     * Generates the suite's sample afresh into {@code work/sample} (never reusing an older one,
     * which a change to the generator would make stale).
     *
     * @return the folder to pass as {@code --data}
     * @throws IllegalStateException when {@code glami-bench sample} fails
     */
    public Path generateSample(Path work) {
        Path sample = work.resolve("sample");
        List<String> args = new ArrayList<>(List.of("sample", "--out", sample.toString(), "--force"));
        args.addAll(sampleArgs);
        run(args);
        return sample;
    }

    /**
     * Trains every {@code train} line's model afresh on the sample into {@code models/<name>}, in
     * spec order, replacing an earlier training there.
     *
     * @param data   the sample, as {@code --data}
     * @param models the folder of the trained models; {@code @NAME} stands for {@code models/NAME}
     * @throws IllegalStateException when a training fails, with its output
     */
    public void train(Path data, Path models) {
        for (Training training : trainings) {
            List<String> args = new ArrayList<>(List.of("train"));
            args.addAll(resolved(training.trainArgs(), models));
            args.addAll(List.of("--data", data.toString(), "--out", models.resolve(training.name()).toString(), "--force"));
            run(args);
        }
    }

    /**
     * Evaluates a model on the sample into {@code runsRoot/<id>}, replacing an earlier run there:
     * the model's {@code eval} arguments with the suite's data, folders, batch and {@code --force}.
     *
     * @param models the folder {@link #train} trained the models into
     * @return the run folder
     * @throws IllegalStateException when the evaluation fails, with its progress output
     */
    public Path evaluate(Model model, Path data, Path models, int batch, Path runsRoot) {
        return evaluate(model, data, batch, runsRoot, GlamiBench.evaluation(resolved(model.evalArgs(), models)));
    }

    /**
     * Evaluates a model as {@link #evaluate(Model, Path, Path, int, Path)} does, with the threads
     * that decode and prepare the items given: a setting that must not change a prediction.
     */
    public Path evaluate(Model model, Path data, Path models, int batch, int threads, Path runsRoot) {
        return evaluate(model, data, batch, runsRoot,
                GlamiBench.evaluation(resolved(model.evalArgs(), models)).threads(threads));
    }

    private static Path evaluate(Model model, Path data, int batch, Path runsRoot, Evaluation.Builder builder) {
        StringWriter output = new StringWriter();
        try {
            builder.data(data).out(runsRoot).runId(model.id()).batch(batch)
                    .cache(runsRoot.resolveSibling("cache")).force(true).build()
                    .run(new ProgressOutput(new PrintWriter(output, true), false));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("evaluating " + model.id() + " (" + String.join(" ", model.evalArgs())
                    + ") failed: " + e.getMessage() + "\n" + output.toString().strip(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluating " + model.id() + " was interrupted", e);
        }
        return runsRoot.resolve(model.id());
    }

    /**
     * Replaces a model's committed run with a fresh one: copies its {@link #COMMITTED_FILES} and
     * removes every other file of the committed folder.
     */
    public void install(Model model, Path freshRun) throws IOException {
        Path target = baseline(model);
        Files.createDirectories(target);
        try (Stream<Path> old = Files.list(target)) {
            for (Path file : old.toList()) {
                if (Files.isRegularFile(file) && !COMMITTED_FILES.contains(file.getFileName().toString())) {
                    Files.delete(file);
                }
            }
        }
        for (String name : COMMITTED_FILES.stream().sorted().toList()) {
            Path source = freshRun.resolve(name);
            if (!Files.isRegularFile(source)) {
                throw new IllegalStateException(freshRun + ": no " + name);
            }
            Files.copy(source, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Arguments with each {@code @NAME} replaced by the folder {@code models/NAME}. */
    private static List<String> resolved(List<String> args, Path models) {
        List<String> resolved = new ArrayList<>(args.size());
        for (String arg : args) {
            Matcher reference = REFERENCE.matcher(arg);
            resolved.add(reference.find() ? arg.substring(0, reference.start(2) - 1)
                    + models.resolve(reference.group(2)) : arg);
        }
        return resolved;
    }

    /** Runs a glami-bench command in this JVM; its output is shown only when it fails. */
    private static void run(List<String> args) {
        StringWriter output = new StringWriter();
        CommandLine commandLine = GlamiBench.newCommandLine();
        commandLine.setOut(new PrintWriter(output, true));
        commandLine.setErr(new PrintWriter(output, true));
        int exit = commandLine.execute(args.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("glami-bench " + String.join(" ", args) + " failed (exit " + exit + "):\n"
                    + output.toString().strip());
        }
    }
}
