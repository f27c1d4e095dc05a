package org.glamibench.leaderboard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.leaderboard.Board;
import org.glamibench.leaderboard.Leaderboard;
import org.glamibench.leaderboard.RunVerifier;
import org.glamibench.leaderboard.TestSplitLabels;
import org.glamibench.leaderboard.Throughputs;
import org.glamibench.leaderboard.page.LeaderboardPage;
import org.glamibench.leakage.LeakageFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code glami-bench leaderboard}: verifies every run of a results folder ({@link Leaderboard#runFolders})
 * and writes the board pages; a results folder that does not exist is bad usage (exit 2).
 */
@Command(name = "leaderboard", mixinStandardHelpOptions = true,
        description = {"Verifies every run under RESULTS/runs, or in RESULTS itself when it has no runs/ "
                + "(schema, stored predictions, every number recomputed), ranks the verified ones in tiers, one board "
                + "per test set, and replaces OUT/README.md, OUT/index.html and OUT/charts/ together. Rejected runs "
                + "are listed with the reason, never ranked; a copy of a run (same run id and predictions) is listed "
                + "as a duplicate.",
            "Throughput at batch 32 comes from RESULTS/benchmarks/*.json when present."})
final class LeaderboardCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results/baselines",
            description = "The results folder, holding runs/<run-id>/ or <run-id>/ and optionally benchmarks/ "
                    + "(default: ${DEFAULT-VALUE}, the committed baseline runs: the defaults regenerate the committed "
                    + "board).")
    private Path results;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "leaderboard",
            description = "Where the pages and charts are written (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--data", paramLabel = "DIR",
            description = "A dataset whose test split the stored labels of the runs on it are checked against, item by item.")
    private Path data;

    @Option(names = "--leakage", paramLabel = "FILE",
            description = "A leakage.json of a board's test split (default: RESULTS/leakage/<manifest prefix>/leakage.json "
                    + "per board, when there): that board gains top-1 on the clean and the leaked test items.")
    private Path leakage;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(results)) {
            throw new ParameterException(spec.commandLine(), "--results " + results + ": "
                    + (Files.exists(results) ? "not a folder" : "no such folder"));
        }
        TestSplitLabels labels = data == null ? null : TestSplitLabels.read(DatasetLayout.locate(data, System.getenv()));
        List<Path> folders = Leaderboard.runFolders(results);
        Path runs = results.resolve(Leaderboard.RUNS);
        if (!Files.isDirectory(runs) && !folders.isEmpty()) {
            runs = results;
        }
        Leaderboard leaderboard = Leaderboard.build(folders, new RunVerifier(labels), Throughputs.read(results.resolve("benchmarks")));
        LeakageFile given = leakage == null ? null : givenLeakage(leaderboard);
        List<Path> files = LeaderboardPage.write(leaderboard, out, runs.toString(), regenerateCommand(), manifest -> {
            try {
                return given != null && given.manifestSha256().equals(manifest) ? given : LeakageFile.find(null, results, manifest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        PrintWriter err = spec.commandLine().getErr();
        for (Leaderboard.Duplicate duplicate : leaderboard.duplicates()) {
            err.printf("duplicate %s: the same run as %s (run id %s, same predictions.csv); ranked once, as %s%n",
                    duplicate.folder(), duplicate.original(), duplicate.runId(), duplicate.original());
        }
        err.flush();
        PrintWriter printer = spec.commandLine().getOut();
        for (Board board : leaderboard.boards()) {
            printer.printf(Locale.ROOT, "%s (manifest %s):%n", board.title(), board.key().manifestSha256().substring(0, 12));
            for (Board.Entry entry : board.entries()) {
                printer.printf(Locale.ROOT, "  tier %d  %-32s top-1 %.4f%n", entry.placement().tier(), entry.run().runId(),
                        entry.run().metrics().top1());
            }
        }
        for (Leaderboard.Rejection rejection : leaderboard.rejected()) {
            printer.printf("rejected %s: %s%n", rejection.folder(), rejection.reason());
        }
        printer.printf(Locale.ROOT, "%d %s, %d rejected; written %s, %s and %d %s%n", leaderboard.boards().size(),
                leaderboard.boards().size() == 1 ? "board" : "boards", leaderboard.rejected().size(),
                out.resolve(LeaderboardPage.MARKDOWN), out.resolve(LeaderboardPage.HTML), files.size() - 2,
                files.size() - 2 == 1 ? "chart" : "charts");
        printer.flush();
        return 0;
    }

    /** The {@code --leakage} file, read; bad usage unless some board is of its test split. */
    private LeakageFile givenLeakage(Leaderboard leaderboard) throws IOException {
        LeakageFile file = LeakageFile.read(leakage);
        List<String> manifests = leaderboard.boards().stream().map(board -> board.key().manifestSha256()).toList();
        if (!manifests.contains(file.manifestSha256())) {
            throw new ParameterException(spec.commandLine(), "--leakage " + leakage + ": computed on the test split with manifest "
                    + file.manifestSha256() + ", not the board's " + String.join(" or ", manifests));
        }
        return file;
    }

    /** The command that regenerates these pages, shown on them: this one, its options given where not the defaults. */
    private String regenerateCommand() {
        StringBuilder command = new StringBuilder("glami-bench leaderboard");
        for (String name : List.of("--results", "--out", "--leakage")) {
            OptionSpec option = spec.findOption(name);
            Object value = option.getValue();
            if (value != null && !value.toString().equals(option.defaultValue())) {
                command.append(' ').append(name).append(' ').append(value);
            }
        }
        return command.toString();
    }
}
