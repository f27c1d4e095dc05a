package org.glamibench.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glamibench.files.AtomicFiles;

/**
 * Reads and writes the JSON files of a run folder. Writes are atomic and durable
 * ({@link AtomicFiles}), so a reader never sees half a file.
 */
public final class RunFiles {
    /** The run result's file name. */
    public static final String RUN_JSON = "run.json";
    /** How many failed items run.json lists by example. */
    public static final int ERROR_EXAMPLES = 20;

    /** snake_case keys, indented. Undefined metrics are written as null, never NaN. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private RunFiles() {
    }

    /** Writes a value as JSON to the file, atomically and durably. */
    public static void writeJson(Path file, Object value) throws IOException {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + file.getFileName() + " as JSON: " + e.getMessage(), e);
        }
        AtomicFiles.write(file, bytes);
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
        return MAPPER.readValue(file.toFile(), RunResult.class);
    }
}
