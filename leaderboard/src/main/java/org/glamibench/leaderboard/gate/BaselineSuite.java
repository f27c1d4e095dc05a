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
import java.util.stream.Stream;
import org.glamibench.cli.GlamiBench;
import org.glamibench.progress.ProgressOutput;
import picocli.CommandLine;

/**
 * The committed baseline runs of the reference models, and how to remake them. A suite is a
 * folder (in this project {@code results/baselines/}) holding {@value #SPEC_FILE} and one run
 * folder per model. The spec file has one instruction per line ({@code #} starts a comment):
 * <pre>
 * sample --train 2000 --test 600 --seed 7     # the arguments of `glami-bench sample`
 * model prior --adapter prior --seed 7        # a run id, then the arguments of `glami-bench eval`
 * </pre>
 * Adding a reference model is one {@code model} line. The suite sets {@code --data},
 * {@code --out}, {@code --run-id}, {@code --batch}, {@code --cache} and {@code --force} itself;
 * scores are never stored ({@code --save-scores} is refused), so committed runs stay small.
 * Arguments are split at white space, without quoting.
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

    /**
     * A reference model.
     *
     * @param id       its run id, the name of its run folder in the suite
     * @param evalArgs the arguments of {@code glami-bench eval} that evaluate it
     */
    public record Model(String id, List<String> evalArgs) {
    }

    private final Path folder;
    private final List<String> sampleArgs;
    private final List<Model> models;

    private BaselineSuite(Path folder, List<String> sampleArgs, List<Model> models) {
        this.folder = folder;
        this.sampleArgs = List.copyOf(sampleArgs);
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
        List<Model> models = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
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
                case "model" -> {
                    if (words.size() < 3 || !words.get(1).matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                        throw new IllegalArgumentException(where + "expected 'model <run-id> <eval arguments>'");
                    }
                    if (!ids.add(words.get(1))) {
                        throw new IllegalArgumentException(where + "model " + words.get(1) + " is listed twice");
                    }
                    List<String> args = words.subList(2, words.size());
                    for (String arg : args) {
                        if (SET_BY_SUITE.contains(arg.replaceFirst("=.*", ""))) {
                            throw new IllegalArgumentException(where + arg + " is set by the suite (it sets "
                                    + String.join(", ", SET_BY_SUITE.stream().sorted().toList()) + ")");
                        }
                    }
                    models.add(new Model(words.get(1), List.copyOf(args)));
                }
                default -> throw new IllegalArgumentException(where + "expected 'sample ...' or 'model ...', got '"
                        + words.get(0) + "'");
            }
        }
        if (sample == null || models.isEmpty()) {
            throw new IllegalArgumentException(SPEC_FILE + ": needs one 'sample' line and at least one 'model' line");
        }
        return new BaselineSuite(folder, sample, models);
    }

    /** The suite folder. */
    public Path folder() {
        return folder;
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
     * Evaluates a model on the sample into {@code runsRoot/<id>}, replacing an earlier run there:
     * the model's {@code eval} arguments with the suite's data, folders, batch and {@code --force}.
     *
     * @return the run folder
     * @throws IllegalStateException when the evaluation fails, with its progress output
     */
    public Path evaluate(Model model, Path data, int batch, Path runsRoot) {
        StringWriter output = new StringWriter();
        try {
            GlamiBench.evaluation(model.evalArgs()).data(data).out(runsRoot).runId(model.id()).batch(batch)
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
