package org.glamibench.leaderboard.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The swap of a new board into the output folder: all three entries, or none. */
class BoardSwapTest {

    @Test
    void aSwapThatFailsHalfwayPutsTheOldBoardBack(@TempDir Path dir) throws IOException {
        Path folder = oldBoard(dir.resolve("board"));
        Path staged = Files.createDirectories(dir.resolve("staged"));
        Files.writeString(staged.resolve(LeaderboardPage.MARKDOWN), "new readme");
        Files.writeString(staged.resolve(LeaderboardPage.HTML), "new html");
        // No charts/ staged: the third move fails.
        Path aside = Files.createDirectories(dir.resolve("aside"));

        assertThatThrownBy(() -> LeaderboardPage.swap(staged, folder, aside)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot swap the new board into " + folder + " (the old one is kept): "
                        + "java.nio.file.NoSuchFileException: " + staged.resolve("charts"));

        assertThat(Files.readString(folder.resolve(LeaderboardPage.MARKDOWN))).isEqualTo("old readme");
        assertThat(Files.readString(folder.resolve(LeaderboardPage.HTML))).isEqualTo("old html");
        assertThat(Files.readString(folder.resolve("charts/old.png"))).isEqualTo("old chart");
        assertThat(Files.readString(staged.resolve(LeaderboardPage.MARKDOWN))).isEqualTo("new readme");
    }

    @Test
    void aSwapMovesTheOldBoardAsideAndTheNewOneIn(@TempDir Path dir) throws IOException {
        Path folder = oldBoard(dir.resolve("board"));
        Path staged = Files.createDirectories(dir.resolve("staged/charts"));
        Files.writeString(staged.resolve("new.png"), "new chart");
        Files.writeString(dir.resolve("staged").resolve(LeaderboardPage.MARKDOWN), "new readme");
        Files.writeString(dir.resolve("staged").resolve(LeaderboardPage.HTML), "new html");
        Path aside = Files.createDirectories(dir.resolve("aside"));

        LeaderboardPage.swap(dir.resolve("staged"), folder, aside);

        assertThat(Files.readString(folder.resolve(LeaderboardPage.MARKDOWN))).isEqualTo("new readme");
        assertThat(Files.readString(folder.resolve("charts/new.png"))).isEqualTo("new chart");
        assertThat(folder.resolve("charts/old.png")).doesNotExist();
        assertThat(Files.readString(aside.resolve("charts/old.png"))).isEqualTo("old chart");
    }

    private static Path oldBoard(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("charts"));
        Files.writeString(folder.resolve(LeaderboardPage.MARKDOWN), "old readme");
        Files.writeString(folder.resolve(LeaderboardPage.HTML), "old html");
        Files.writeString(folder.resolve("charts/old.png"), "old chart");
        return folder;
    }
}
