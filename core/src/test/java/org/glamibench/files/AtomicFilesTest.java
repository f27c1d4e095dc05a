package org.glamibench.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesAFileAndLeavesNothingElse() throws IOException {
        Path file = dir.resolve("a.json");

        AtomicFiles.write(file, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(file).hasContent("{}");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "old and longer");

        AtomicFiles.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(file).hasContent("new");
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "old");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(file).hasContent("old");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void movesAFinishedFileIntoPlace() throws IOException {
        Path part = Files.writeString(dir.resolve("data.bin.part"), "data");

        AtomicFiles.move(part, dir.resolve("data.bin"));

        assertThat(part).doesNotExist();
        assertThat(dir.resolve("data.bin")).hasContent("data");
    }

    @Test
    void movesAFinishedFolderIntoPlace() throws IOException {
        Path partial = Files.createDirectories(dir.resolve("folder.partial"));
        Files.writeString(partial.resolve("inside.txt"), "x");

        AtomicFiles.move(partial, dir.resolve("folder"));

        assertThat(partial).doesNotExist();
        assertThat(dir.resolve("folder/inside.txt")).hasContent("x");
    }

    @Test
    void movesReplacingAnExistingFile() throws IOException {
        Path part = Files.writeString(dir.resolve("data.bin.part"), "new");
        Path file = Files.writeString(dir.resolve("data.bin"), "old");

        AtomicFiles.moveReplacing(part, file);

        assertThat(part).doesNotExist();
        assertThat(file).hasContent("new");
    }

    @Test
    void anInterruptedThreadGivesTheFolderForceUpAndStaysInterrupted() throws IOException {
        Thread.currentThread().interrupt();
        try {
            AtomicFiles.forceFolder(dir);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
