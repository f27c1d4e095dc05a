package org.glamibench.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Set;

/**
 * Failed file operations in words, for messages that say which file and why: an
 * {@link AccessDeniedException}'s message is only its path, this says "permission denied".
 */
public final class IoFailures {
    /** Reasons, as the operating system words them (lower case), for which the path is at fault. */
    private static final Set<String> PATH_REASONS = Set.of("permission denied", "operation not permitted",
            "not a directory", "is a directory", "read-only file system", "file exists");

    private IoFailures() {
    }

    /**
     * Why the operation failed, in words: {@code permission denied}, {@code not a directory},
     * {@code no space left on device}, ...
     *
     * @param failure the failure
     * @return the reason, lower case first
     */
    public static String reason(IOException failure) {
        if (failure instanceof AccessDeniedException denied && denied.getReason() == null) {
            return "permission denied";
        }
        if (failure instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (failure instanceof NoSuchFileException missing && missing.getReason() == null) {
            return "no such file or directory";
        }
        if (failure instanceof FileAlreadyExistsException exists && exists.getReason() == null) {
            return "a file of that name is in the way";
        }
        if (failure instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        String reason = failure instanceof FileSystemException fileSystem ? fileSystem.getReason() : failure.getMessage();
        if (reason == null || reason.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }

    /**
     * Whether the failure is the path's fault rather than the work's: permission denied, not a
     * directory, a file in the way, a read-only file system (not a full disk or an I/O error).
     *
     * @param failure the failure
     * @return whether another path would do
     */
    public static boolean unusablePath(IOException failure) {
        return failure instanceof AccessDeniedException || failure instanceof NotDirectoryException
                || failure instanceof FileAlreadyExistsException
                || PATH_REASONS.contains(reason(failure).toLowerCase(Locale.ROOT));
    }
}
