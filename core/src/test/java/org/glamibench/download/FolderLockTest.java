package org.glamibench.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLockTest {
    @TempDir
    Path dir;

    @Test
    void theLockFileExistsOnlyWhileTheLockIsHeld() throws IOException {
        Path file = dir.resolve("lock");

        try (FolderLock lock = FolderLock.tryAcquire(file)) {
            assertThat(lock).isNotNull();
            assertThat(file).exists();
            assertThat(FolderLock.tryAcquire(file)).isNull();
        }

        assertThat(file).doesNotExist();
        try (FolderLock again = FolderLock.tryAcquire(file)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void aFileLeftByADeadHolderIsTakenOver() throws IOException {
        Path file = Files.writeString(dir.resolve("lock"), "left behind\n");

        try (FolderLock lock = FolderLock.tryAcquire(file)) {
            assertThat(lock).isNotNull();
        }

        assertThat(file).doesNotExist();
    }

    @Test
    void aFileOpenedBeforeItsHolderRemovedItGivesNoSecondLock() throws IOException {
        Path file = dir.resolve("lock");
        FolderLock first = FolderLock.tryAcquire(file);
        assertThat(first).isNotNull();
        // Another process opened the lock file while the first held it, and locks it once released.
        try (FileChannel late = FileChannel.open(file, StandardOpenOption.WRITE)) {
            first.close();
            try (FolderLock second = FolderLock.tryAcquire(file); var stale = late.lock()) {
                // The stale channel locked the removed file; the path's new file is the second's.
                assertThat(stale.isValid()).isTrue();
                assertThat(second).isNotNull();
                assertThat(FolderLock.tryAcquire(file)).isNull();
            }
        }
    }
}
