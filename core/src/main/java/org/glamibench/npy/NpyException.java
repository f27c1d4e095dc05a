package org.glamibench.npy;

/** A file that is not the NPY array asked for; the message names the file. */
public class NpyException extends RuntimeException {
    public NpyException(String message) {
        super(message);
    }

    public NpyException(String message, Throwable cause) {
        super(message, cause);
    }
}
