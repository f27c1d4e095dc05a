package org.glamibench.models.train;

/** A training cannot start or go on: a finished model in the way, or a checkpoint of another request. */
public final class TrainingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingException(String message) {
        super(message);
    }
}
