package org.glamibench.dataset;

/** Unusable dataset input: the message names the file, and where known the line and field. */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
