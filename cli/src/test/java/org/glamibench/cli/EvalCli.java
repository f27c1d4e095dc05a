package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glamibench.cli.CommandRun;
import org.glamibench.files.JsonFiles;
import org.glamibench.run.RunFiles;
import org.glamibench.run.RunJsonSchema;

/** Runs {@code glami-bench eval} in this JVM and reads what it wrote. */
final class EvalCli {
    private EvalCli() {
    }

    /** {@code glami-bench eval --data DATA --out OUT --threads 2 ARGS...}. */
    static CommandRun eval(Path data, Path out, String... args) {
        List<String> command = new ArrayList<>(List.of("eval", "--data", data.toString(), "--out", out.toString(),
                "--threads", "2", "--cache", out.resolve("cache").toString()));
        command.addAll(List.of(args));
        return CommandRun.of(command.toArray(String[]::new));
    }

    /** Like {@link #eval}, failing unless it exits 0. */
    static CommandRun evalOk(Path data, Path out, String... args) {
        CommandRun run = eval(data, out, args);
        assertThat(run.exitCode()).as("%s", run).isZero();
        return run;
    }

    /** The run folder's run.json, after checking it against the schema. */
    static JsonNode runJson(Path runDir) {
        RunJsonSchema.assertValid(runDir);
        try {
            return JsonFiles.MAPPER.readTree(runDir.resolve(RunFiles.RUN_JSON).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
