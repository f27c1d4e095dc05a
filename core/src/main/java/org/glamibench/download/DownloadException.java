package org.glamibench.download;

/**
 * A download, verification or extraction that failed. The message names the file or URL, says what
 * was expected and found, and what was kept on disk.
 */
public class DownloadException extends RuntimeException {
    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
