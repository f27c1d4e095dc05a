package org.glamibench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The leaderboard module's commands reach the glami-bench command line through the ServiceLoader hook. */
class CommandsTest {

    @Test
    void theHelpListsLeaderboardAndGateBeforeHelp() {
        Cli help = Cli.run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).containsSubsequence("  eval ", "  compare ", "  leaderboard ", "  gate ", "  help ");
    }

    @Test
    void anEmptyResultsFolderGivesAnEmptyBoard(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("results"));
        Cli run = Cli.run("leaderboard", "--results", dir.resolve("results").toString(), "--out", dir.resolve("board").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 boards, 0 rejected");
        assertThat(java.nio.file.Files.readString(dir.resolve("board/README.md"))).contains("No verified run yet");
    }
}
