package org.glamibench.leaderboard;

/** A run that may not be ranked, with the reason in its message (one line, for people). */
public final class RunRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param reason why the run is rejected */
    public RunRejectedException(String reason) {
        super(reason);
    }
}
