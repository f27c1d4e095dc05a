package org.glamibench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glamibench.files.JsonFiles;

/** The names in a run folder, and the reader of its run.json (written with {@link JsonFiles}). */
public final class RunFiles {
    /** The run result's file name. */
    public static final String RUN_JSON = "run.json";
    /** How many failed items run.json lists by example. */
    public static final int ERROR_EXAMPLES = 20;

    private RunFiles() {
    }

    /**
     * Reads a run.json.
     *
     * @throws IllegalArgumentException when the folder has no run.json (not a finished run)
     * @throws IOException              when it cannot be read or is not a run result
     */
    public static RunResult readRun(Path runDir) throws IOException {
        Path file = runDir.resolve(RUN_JSON);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(runDir + ": no " + RUN_JSON + " (not a finished run folder)");
        }
        return JsonFiles.MAPPER.readValue(file.toFile(), RunResult.class);
    }
}
