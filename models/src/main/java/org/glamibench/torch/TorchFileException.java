package org.glamibench.torch;

import java.nio.file.Path;

/**
 * A torch.save file that cannot be read, or whose content is not what was asked for. The message always
 * starts with the file path.
 */
public final class TorchFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure in {@code file}: the message is {@code file + ": " + detail}. */
    public TorchFileException(Path file, String detail) {
        super(file + ": " + detail);
    }

    /** A failure in {@code file} caused by {@code cause}: the message is {@code file + ": " + detail}. */
    public TorchFileException(Path file, String detail, Throwable cause) {
        super(file + ": " + detail, cause);
    }
}
