package org.glamibench.eval;

/**
 * An evaluation refused before scoring because of what was asked, not because the work failed:
 * an adapter that refuses its options or device, or a run folder that holds another run. The
 * command line reports it as bad usage (exit 2).
 */
public class RequestRefusedException extends EvaluationException {
    public RequestRefusedException(String message) {
        super(message);
    }

    public RequestRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
