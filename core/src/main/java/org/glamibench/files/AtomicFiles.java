package org.glamibench.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Files and folders put in place atomically and durably: a reader sees the old version or the new
 * one, never part of one, and once a call returns its result survives a crash. A file's content is
 * forced to disk before it is renamed into place; after the rename, the folder that holds it is
 * forced so that the rename itself is on disk. Windows cannot open a folder for that: there the
 * rename is still atomic, only its durability is up to the OS.
 */
public final class AtomicFiles {
    private static final int BUFFER_BYTES = 1 << 16;

    private AtomicFiles() {
    }

    /** Writes a file's content to a stream, which the caller leaves open. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the bytes to {@code target}, replacing it, atomically and durably. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Streams the content to a hidden temporary file beside {@code target}, forces it to disk and
     * renames it over {@code target}, then forces the folder. The temporary file is deleted when
     * anything fails.
     */
    public static void write(Path target, Content content) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            rename(temporary, target, true);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Renames a finished file or folder to {@code target}, which should not exist, atomically and
     * durably. A file's content is forced to disk first; a folder's files are not (forcing them
     * is up to whoever wrote them).
     */
    public static void move(Path finished, Path target) throws IOException {
        forceIfFile(finished);
        rename(finished, target, false);
    }

    /** As {@link #move}, replacing {@code target} when it is a file. */
    public static void moveReplacing(Path finished, Path target) throws IOException {
        forceIfFile(finished);
        rename(finished, target, true);
    }

    /**
     * Forces a folder's entries (files created, renamed or deleted in it) to disk; nothing on
     * Windows, which cannot open a folder for this. A thread interrupted meanwhile gives the force
     * up and keeps its interrupt status, for its own next check to see: what was renamed stays
     * renamed, as it would without the force.
     */
    public static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (ClosedByInterruptException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }

    private static void forceIfFile(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    private static void rename(Path from, Path to, boolean replacing) throws IOException {
        if (replacing) {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
        forceFolder(to.toAbsolutePath().getParent());
    }
}
