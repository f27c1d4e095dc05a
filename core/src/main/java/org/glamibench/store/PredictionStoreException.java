package org.glamibench.store;

/**
 * A run folder that cannot be used as it is: a malformed or inconsistent file (the message names
 * the file, and where known the line or score row), a class index other than the run's, or a
 * second writer. Input/output failures are {@link java.io.UncheckedIOException}s instead.
 */
public class PredictionStoreException extends RuntimeException {
    public PredictionStoreException(String message) {
        super(message);
    }

    public PredictionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
