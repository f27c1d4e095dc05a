package org.glamibench.leaderboard.cli;

import java.io.PrintWriter;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glami-bench leaderboard}: verifies every run in results/runs and writes the board pages. */
@Command(name = "leaderboard", mixinStandardHelpOptions = true,
        description = {"Verifies every run under RESULTS/runs (schema, stored predictions, every number recomputed), "
                + "ranks the verified ones in tiers, one board per test set, and writes OUT/README.md, OUT/index.html "
                + "and OUT/charts/*.png. Rejected runs are listed with the reason, never ranked.",
            "Throughput at batch 32 comes from RESULTS/benchmarks/*.json when present."})
final class LeaderboardCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "The results folder, holding runs/ and optionally benchmarks/ (default: ${DEFAULT-VALUE}).")
    private Path results;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "leaderboard",
            description = "Where the pages and charts are written (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--data", paramLabel = "DIR",
            description = "A dataset whose test split the stored labels of the runs on it are checked against, item by item.")
    private Path data;

    @Override
    public Integer call() throws Exception {
        TestSplitLabels labels = data == null ? null : TestSplitLabels.read(DatasetLayout.locate(data, System.getenv()));
        Path runs = results.resolve("runs");
        Leaderboard leaderboard = Leaderboard.build(runs, new RunVerifier(labels), Throughputs.read(results.resolve("benchmarks")));
        List<Path> files = LeaderboardPage.write(leaderboard, out, runs.toString(), "glami-bench leaderboard");
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
}
