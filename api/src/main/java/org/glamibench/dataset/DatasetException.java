package org.glamibench.dataset;

/** Unusable dataset input: the message names the file, and where known the line and field. */
public class DatasetException extends RuntimeException {
    /**
     * An exception with a message only.
     *
     * @param message what is unusable: the file, and where known the line and field
     */
    public DatasetException(String message) {
        super(message);
    }

    /**
     * An exception caused by another, such as a failed read.
     *
     * @param message what is unusable: the file, and where known the line and field
     * @param cause   the failure that made the input unusable
     */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
