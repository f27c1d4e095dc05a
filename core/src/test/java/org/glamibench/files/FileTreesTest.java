package org.glamibench.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
    @TempDir
    Path dir;

    @Test
    void deletesAFolderWithEverythingInIt() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root/a/b"));
        Files.writeString(root.resolve("file.txt"), "x");
        Files.writeString(dir.resolve("root/top.txt"), "y");

        FileTrees.delete(dir.resolve("root"));

        assertThat(dir.resolve("root")).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void deletesALinkButNotWhatItPointsTo() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "kept");
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createSymbolicLink(root.resolve("link"), outside);

        FileTrees.delete(root);

        assertThat(root).doesNotExist();
        assertThat(outside.resolve("keep.txt")).hasContent("kept");
    }

    @Test
    void deletesASingleFileAndIgnoresAMissingPath() throws IOException {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");

        FileTrees.delete(file);
        FileTrees.delete(dir.resolve("missing"));

        assertThat(file).doesNotExist();
    }
}
