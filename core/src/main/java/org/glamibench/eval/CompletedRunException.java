package org.glamibench.eval;

import java.nio.file.Path;

/**
 * An evaluation refused because its run folder holds a completed run and redoing it was not asked
 * for: a caller that evaluates many models (a sweep) keeps that run.
 */
public final class CompletedRunException extends RequestRefusedException {
    private final transient Path runDir;

    /** @param runDir the folder of the completed run */
    public CompletedRunException(Path runDir) {
        super(runDir + " holds a completed run; give --force to redo it, or another --run-id");
        this.runDir = runDir;
    }

    /** The folder of the completed run. */
    public Path runDir() {
        return runDir;
    }
}
