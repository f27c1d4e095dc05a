package org.glamibench.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The JSON of the harness's own files (run folders, model folders, checkpoints, caches): one
 * mapper, and writes that are atomic and durable ({@link AtomicFiles}), so a reader never sees
 * half a file.
 */
public final class JsonFiles {
    /** snake_case keys, indented. Undefined metrics are written as null, never NaN. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonFiles() {
    }

    /**
     * Writes a value as JSON to the file, atomically and durably.
     *
     * @throws IllegalStateException when the value cannot be written as JSON
     */
    public static void write(Path file, Object value) throws IOException {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + file.getFileName() + " as JSON: " + e.getMessage(), e);
        }
        AtomicFiles.write(file, bytes);
    }
}
