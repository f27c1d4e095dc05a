package org.glamibench.download;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * An exclusive lock on a folder through a lock file that exists only while the lock is held: the
 * holder removes the file before releasing it. A process that locked a file which its holder had
 * just removed (it opened the file before the removal) sees that the path now names another file
 * or none, and tries again on the path's current file, so two processes never both hold the lock.
 * The file's identity is compared by its file key (device and inode), read without opening it:
 * closing any other descriptor of the file would drop this process's lock on it. A process that
 * dies leaves its file behind, unlocked; the next one takes it over.
 */
final class FolderLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;

    private FolderLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Takes the lock when no other process or channel holds it.
     *
     * @param file the lock file
     * @return the lock; null when it is held elsewhere
     * @throws IOException when the lock file cannot be created or read
     */
    static FolderLock tryAcquire(Path file) throws IOException {
        while (true) {
            Optional<Object> before = identity(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            boolean held = false;
            try {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    return null;
                }
                // Missing before the open: this run may have created the file; the next round checks it.
                if (before.isPresent() && before.equals(identity(file))) {
                    held = true;
                    return new FolderLock(file, channel);
                }
            } finally {
                if (!held) {
                    channel.close();
                }
            }
        }
    }

    /**
     * The file's identity: its file key, or the file itself where the file system has no keys;
     * empty when there is no such file.
     */
    private static Optional<Object> identity(Path file) throws IOException {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            return Optional.of(key != null ? key : file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Removes the lock file, then releases the lock. */
    @Override
    public void close() throws IOException {
        try (channel) {
            Files.deleteIfExists(file);
        }
    }
}
