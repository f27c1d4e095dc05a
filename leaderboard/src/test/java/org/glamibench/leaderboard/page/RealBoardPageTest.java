package org.glamibench.leaderboard.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glamibench.leaderboard.Board;
import org.glamibench.leaderboard.Leaderboard;
import org.glamibench.leaderboard.PaperResult;
import org.glamibench.leaderboard.RunVerifier;
import org.glamibench.leaderboard.SuiteWork;
import org.glamibench.leaderboard.Throughputs;
import org.glamibench.leaderboard.VerifiedRun;
import org.glamibench.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board of the real test split: how it is recognised, and the paper's reference rows on its page. */
class RealBoardPageTest {

    @Test
    void theRealTestSplitIsAWholeGlamiTestSplitOf116004Rows() {
        assertThat(Leaderboard.isRealTestSplit(dataset("GLAMI-1M", "test", 116_004, 116_004))).isTrue();
        assertThat(Leaderboard.isRealTestSplit(dataset("GLAMI-1M", "test", 116_004, 5_000))).isFalse();
        assertThat(Leaderboard.isRealTestSplit(dataset("GLAMI-1M", "test", 5_000, 5_000))).isFalse();
        assertThat(Leaderboard.isRealTestSplit(dataset("GLAMI-1M", "train", 116_004, 116_004))).isFalse();
        assertThat(Leaderboard.isRealTestSplit(dataset("other", "test", 116_004, 116_004))).isFalse();
    }

    @Test
    void showsThePapersNumbersAsReferenceRowsNeverRanked(@TempDir Path out) throws Exception {
        VerifiedRun run = new RunVerifier(null).verify(SuiteWork.run("prior"));
        Board sample = Leaderboard.build(SuiteWork.WORK.resolve("runs"), new RunVerifier(null), Throughputs.none())
                .boards().get(0);
        // The same ranking presented as the real split's board (the real data is not at hand here).
        Board real = new Board(sample.key(), true, sample.entries(), PaperResult.PAPER);

        LeaderboardPage.write(new Leaderboard(List.of(real), List.of()), out, "results/runs", "glami-bench leaderboard");

        String markdown = Files.readString(out.resolve(LeaderboardPage.MARKDOWN), StandardCharsets.UTF_8);
        String html = Files.readString(out.resolve(LeaderboardPage.HTML), StandardCharsets.UTF_8);
        for (String page : List.of(markdown, html)) {
            assertThat(page).contains("The real GLAMI-1M test split", "116,004 rows",
                    "the manifest hash of the real test CSV is not known to this project");
        }
        assertThat(markdown).contains("| — | EmbraceNet text + image (all labels) | reported in the paper, not reproduced here "
                + "| 0.697 | 0.940 |  | gr 0.589 | sk 0.805 |");
        assertThat(markdown).contains("| — | CLIP zero-shot text | reported in the paper, not reproduced here | 0.265 | 0.585 |");
        assertThat(html).contains("<td class=\"reference\">EmbraceNet image (all labels)</td>");
        assertThat(markdown.lines().filter(line -> line.contains(PaperResult.NOTE) && line.startsWith("| —"))).hasSize(11);
        assertThat(markdown).contains("| 1 | embracenet v1 | `embracenet` |", "| 3 | prior v1 | `" + run.runId() + "` |");
    }

    private static RunResult.Dataset dataset(String name, String split, int rows, int scored) {
        return new RunResult.Dataset(name, split, rows, scored, "0".repeat(64), "1".repeat(64), 191, 0);
    }
}
