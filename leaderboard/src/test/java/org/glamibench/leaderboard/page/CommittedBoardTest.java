package org.glamibench.leaderboard.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.glamibench.leaderboard.Leaderboard;
import org.glamibench.leaderboard.RunVerifier;
import org.glamibench.leaderboard.SuiteWork;
import org.glamibench.leaderboard.Throughputs;
import org.glamibench.testing.ProjectRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed board ({@code leaderboard/README.md}, {@code index.html}, {@code charts/}) is what
 * {@code ./glami-bench leaderboard} (its default {@code --results results/baselines} and {@code --out
 * leaderboard}) writes from the committed baseline runs, run from the repository's root: the pages byte for byte, the charts by name (their PNG
 * bytes depend on the machine's fonts). When it fails, regenerate the board with that command.
 */
class CommittedBoardTest {
    /** The results folder and the command as the committed pages name them. */
    private static final String RESULTS = "results/baselines";
    private static final String COMMAND = "glami-bench leaderboard";

    @Test
    void theCommittedBoardIsTheBoardOfTheCommittedBaselineRuns(@TempDir Path out) throws IOException {
        Path committed = ProjectRoot.resolve("leaderboard");
        Leaderboard leaderboard = Leaderboard.build(Leaderboard.runFolders(SuiteWork.suiteFolder()), new RunVerifier(null),
                Throughputs.none());

        LeaderboardPage.write(leaderboard, out, RESULTS, COMMAND);

        String regenerate = "; regenerate it with ./" + COMMAND;
        assertThat(out.resolve(LeaderboardPage.MARKDOWN)).as("leaderboard/README.md" + regenerate)
                .hasSameBinaryContentAs(committed.resolve(LeaderboardPage.MARKDOWN));
        assertThat(out.resolve(LeaderboardPage.HTML)).as("leaderboard/index.html" + regenerate)
                .hasSameBinaryContentAs(committed.resolve(LeaderboardPage.HTML));
        assertThat(chartNames(committed)).as("leaderboard/charts" + regenerate).isEqualTo(chartNames(out))
                .isNotEmpty();
        assertThat(leaderboard.rejected()).isEmpty();
        assertThat(leaderboard.boards()).hasSize(1);
        assertThat(leaderboard.boards().get(0).entries()).extracting(entry -> entry.run().runId())
                .containsExactly("embracenet", "image", "text", "prior", "random");
    }

    private static List<String> chartNames(Path board) throws IOException {
        try (Stream<Path> charts = Files.list(board.resolve(LeaderboardPage.CHARTS))) {
            return charts.map(chart -> chart.getFileName().toString()).sorted().toList();
        }
    }
}
