package org.glamibench.leaderboard;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.glamibench.run.RunResult;

/** {@code run.schema.json}, the JSON Schema of run.json that the harness ships beside {@link RunResult}. */
public final class RunSchema {
    private static final Schema SCHEMA = load();

    private RunSchema() {
    }

    /**
     * The schema violations of a run.json text, one line each; empty when it is valid.
     *
     * @throws RuntimeException from the validator when the text is not JSON at all
     */
    public static List<String> violations(String runJson) {
        return SCHEMA.validate(runJson, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static Schema load() {
        try (InputStream in = RunResult.class.getResourceAsStream("run.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("run.schema.json is not beside RunResult on the class path");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
