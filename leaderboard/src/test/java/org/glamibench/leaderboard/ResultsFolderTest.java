package org.glamibench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.store.StoredPredictions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code glami-bench leaderboard} reads and writes: both layouts of a results folder, a
 * missing one, copies of a run, runs sharing a run id, and the output folder replaced as a whole.
 */
class ResultsFolderTest {

    @Test
    void aCopiedRunFolderIsRankedOnceAndListedAsADuplicate(@TempDir Path dir) throws IOException {
        Path runs = dir.resolve("results/runs");
        copy(SuiteWork.run("prior"), runs.resolve("prior"));
        copy(SuiteWork.run("prior"), runs.resolve("prior-backup"));
        copy(SuiteWork.run("random"), runs.resolve("random"));

        Cli run = Cli.run("leaderboard", "--results", dir.resolve("results").toString(), "--out", dir.resolve("board").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("duplicate prior-backup: the same run as prior (run id prior, same "
                + "predictions.csv); ranked once, as prior\n");
        assertThat(run.out()).contains("1 board, 0 rejected;");
        String readme = Files.readString(dir.resolve("board/README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("2 runs ranked on 1 board, 0 rejected, 1 duplicate.")
                .contains("## Duplicate runs")
                .contains("| `prior-backup` | `prior` | `prior` |");
        assertThat(Files.readString(dir.resolve("board/index.html"), StandardCharsets.UTF_8)).contains("Duplicate runs");
    }

    @Test
    void twoDifferentRunsOfOneRunIdAreBothRankedAndCharted(@TempDir Path dir) throws IOException {
        Path prior = SuiteWork.run("prior");
        ClassIndex classes = StoredPredictions.read(prior).classIndex();
        Path runs = dir.resolve("results/runs");
        ForgedRun.write(prior, dir.resolve("a"), "model", row -> ForgedRun.predicting(row, row.category(), classes));
        ForgedRun.write(prior, dir.resolve("b"), "model", row -> ForgedRun.predicting(row,
                ForgedRun.other(row.category(), classes), classes));
        copy(dir.resolve("a/model"), runs.resolve("model-a"));
        copy(dir.resolve("b/model"), runs.resolve("model-b"));

        Cli run = Cli.run("leaderboard", "--results", dir.resolve("results").toString(), "--out", dir.resolve("board").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("1 board, 0 rejected; written").contains("and 2 charts");
        assertThat(Files.readString(dir.resolve("board/README.md"), StandardCharsets.UTF_8))
                .contains("2 runs ranked on 1 board, 0 rejected.");
    }

    @Test
    void aResultsFolderThatDoesNotExistIsBadUsageAndWritesNothing(@TempDir Path dir) {
        Path missing = dir.resolve("no-results");

        Cli run = Cli.run("leaderboard", "--results", missing.toString(), "--out", dir.resolve("board").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--results " + missing + ": no such folder\n");
        assertThat(dir.resolve("board")).doesNotExist();
    }

    @Test
    void readsRunFoldersWrittenByEvalOutIntoTheResultsFolderItself(@TempDir Path dir) throws IOException {
        Path results = dir.resolve("results");
        copy(SuiteWork.run("prior"), results.resolve("prior"));
        Files.createDirectories(results.resolve("benchmarks"));

        Cli run = Cli.run("leaderboard", "--results", results.toString(), "--out", dir.resolve("board").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  tier 1  prior ").contains("1 board, 0 rejected;");
        assertThat(Files.readString(dir.resolve("board/README.md"), StandardCharsets.UTF_8))
                .contains("from the run folders in `" + results + "`: 1 run ranked on 1 board, 0 rejected.");
    }

    @Test
    void replacesItsPagesAndChartsAsAWholeAndLeavesOtherFilesAlone(@TempDir Path dir) throws IOException {
        copy(SuiteWork.run("prior"), dir.resolve("results/runs/prior"));
        Path board = Files.createDirectories(dir.resolve("board/charts"));
        Files.writeString(board.resolve("stale.png"), "old chart");
        Path kept = Files.writeString(dir.resolve("board/pom.xml"), "not the board's");

        Cli run = Cli.run("leaderboard", "--results", dir.resolve("results").toString(), "--out", dir.resolve("board").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(board.resolve("stale.png")).doesNotExist();
        assertThat(Files.readString(kept)).isEqualTo("not the board's");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).sorted()).containsExactly("board", "results");
        }
    }

    static Path copy(Path run, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }
}
