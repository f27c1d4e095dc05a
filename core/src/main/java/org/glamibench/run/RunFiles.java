package org.glamibench.run;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.glamibench.files.JsonFiles;

/** The names in a run folder, and the reader of its run.json (written with {@link JsonFiles}). */
public final class RunFiles {
    /** The run result's file name. */
    public static final String RUN_JSON = "run.json";
    /** How many failed items run.json lists by example. */
    public static final int ERROR_EXAMPLES = 20;

    private static final JsonNode SCHEMA = loadSchema();

    private RunFiles() {
    }

    /**
     * Reads a run.json. Before it is read as a {@link RunResult}, every key that
     * {@code run.schema.json} requires must be there (nested objects included).
     *
     * @throws IllegalArgumentException when the folder has no run.json (not a finished run), or
     *                                  its run.json is not JSON, lacks a required key or has a
     *                                  value of the wrong type: the message names the file and
     *                                  the line or key
     * @throws IOException              when it cannot be read
     */
    public static RunResult readRun(Path runDir) throws IOException {
        Path file = runDir.resolve(RUN_JSON);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(runDir + ": no " + RUN_JSON + " (not a finished run folder)");
        }
        JsonNode tree;
        try {
            tree = JsonFiles.MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(file + ": not JSON (malformed at line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new IllegalArgumentException(file + ": empty, not a run result");
        }
        requireKeys(file, tree, SCHEMA, "");
        try {
            return JsonFiles.MAPPER.treeToValue(tree, RunResult.class);
        } catch (JsonMappingException e) {
            String key = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String expected = e instanceof MismatchedInputException m && m.getTargetType() != null
                    ? " (expected " + m.getTargetType().getSimpleName() + ")" : "";
            throw new IllegalArgumentException(file + ": " + (key.isEmpty() ? "not a run result" : "key " + key
                    + " has a value of the wrong type" + expected), e);
        }
    }

    /** Checks that a JSON value has the keys its schema requires, recursing into the object properties. */
    private static void requireKeys(Path file, JsonNode value, JsonNode schema, String where) {
        if (!"object".equals(schema.path("type").asText()) && !schema.has("properties")) {
            return;
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException(file + ": " + (where.isEmpty() ? "not a JSON object, not a run result"
                    : "key " + where + " is not an object"));
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                throw new IllegalArgumentException(file + ": " + (where.isEmpty() ? "" : where + ".") + required.asText()
                        + " is missing");
            }
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode child = value.get(property.getKey());
            if (child != null && !child.isNull()) {
                requireKeys(file, child, property.getValue(), where.isEmpty() ? property.getKey() : where + "." + property.getKey());
            }
        }
    }

    private static JsonNode loadSchema() {
        try (InputStream in = RunResult.class.getResourceAsStream("run.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("run.schema.json is not beside RunResult on the class path");
            }
            return JsonFiles.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
