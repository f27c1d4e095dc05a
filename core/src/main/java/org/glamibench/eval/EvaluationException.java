package org.glamibench.eval;

/** An evaluation that cannot go on: the message says why and what to do. */
public class EvaluationException extends RuntimeException {
    public EvaluationException(String message) {
        super(message);
    }

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
