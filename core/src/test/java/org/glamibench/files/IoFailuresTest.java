package org.glamibench.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoFailuresTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskIsTheWorksFaultInWords() {
        IOException full = new IOException("No space left on device");

        assertThat(IoFailures.reason(full)).isEqualTo("no space left on device");
        assertThat(IoFailures.unusablePath(full)).isFalse();
        FileSystemException fullFile = new FileSystemException("/r/run.json", null, "No space left on device");
        assertThat(IoFailures.reason(fullFile)).isEqualTo("no space left on device");
        assertThat(IoFailures.unusablePath(fullFile)).isFalse();
    }

    @Test
    void pathsThatCannotBeWrittenAreThePathsFault() {
        IOException denied = new AccessDeniedException("/r/run.json");
        IOException readOnly = new FileSystemException("/r/run.json", null, "Read-only file system");
        IOException inTheWay = new FileAlreadyExistsException("/r/x");

        assertThat(IoFailures.reason(denied)).isEqualTo("permission denied");
        assertThat(IoFailures.reason(readOnly)).isEqualTo("read-only file system");
        assertThat(IoFailures.reason(inTheWay)).isEqualTo("a file of that name is in the way");
        assertThat(IoFailures.unusablePath(denied)).isTrue();
        assertThat(IoFailures.unusablePath(readOnly)).isTrue();
        assertThat(IoFailures.unusablePath(inTheWay)).isTrue();
    }

    @Test
    void aFolderUnderAFileIsNotADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        IOException failure = null;
        try {
            Files.createDirectories(file.resolve("run"));
        } catch (IOException e) {
            failure = e;
        }

        assertThat(failure).isNotNull();
        assertThat(IoFailures.reason(failure)).isEqualTo("not a directory");
        assertThat(IoFailures.unusablePath(failure)).isTrue();
    }
}
