package org.glamibench.run;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks run.json files against {@code run.schema.json}, the schema the harness ships. */
public final class RunJsonSchema {
    private static final Schema SCHEMA = load();

    private RunJsonSchema() {
    }

    /**
     * Fails with every violation listed when the run.json does not match the schema.
     *
     * @param runJson a run.json file, or a run folder holding one
     */
    public static void assertValid(Path runJson) {
        Path file = Files.isDirectory(runJson) ? runJson.resolve(RunFiles.RUN_JSON) : runJson;
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Error> errors = errors(json);
        if (!errors.isEmpty()) {
            throw new AssertionError(file + " does not match run.schema.json:\n  "
                    + String.join("\n  ", errors.stream().map(Error::toString).toList()));
        }
    }

    /** The schema violations of a run.json text; empty when it is valid. */
    public static List<Error> errors(String json) {
        return SCHEMA.validate(json, InputFormat.JSON);
    }

    private static Schema load() {
        try (InputStream in = RunResult.class.getResourceAsStream("run.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("run.schema.json is not beside RunResult");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
