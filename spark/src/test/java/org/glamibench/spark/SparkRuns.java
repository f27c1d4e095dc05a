package org.glamibench.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glamibench.cli.GlamiBench;
import org.glamibench.files.JsonFiles;
import picocli.CommandLine;

/** Runs the command line in the tests' JVM and compares run folders. */
final class SparkRuns {
    /** The keys of run.json that differ between two runs of one request: when, where, how fast. */
    private static final List<String> VOLATILE = List.of("run_id", "created", "provenance", "timing");

    private SparkRuns() {
    }

    /** The outcome of one command. */
    record Run(int exitCode, String out, String err) {
        Run succeeded() {
            assertThat(exitCode).as("out: %s%nerr: %s", out, err).isZero();
            return this;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = GlamiBench.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /**
     * Asserts that a Spark run equals a local run of the same request: predictions.csv byte for
     * byte, and run.json byte for byte once its volatile keys are the local run's and its
     * execution section is left out.
     */
    static void assertSameRun(Path local, Path spark) throws IOException {
        assertThat(Files.readAllBytes(spark.resolve("predictions.csv")))
                .isEqualTo(Files.readAllBytes(local.resolve("predictions.csv")));
        JsonNode localJson = JsonFiles.MAPPER.readTree(local.resolve("run.json").toFile());
        ObjectNode sparkJson = (ObjectNode) JsonFiles.MAPPER.readTree(spark.resolve("run.json").toFile());
        assertThat(localJson.has("execution")).isFalse();
        assertThat(sparkJson.get("execution").get("engine").asText()).isEqualTo("spark");
        sparkJson.remove("execution");
        for (String key : VOLATILE) {
            sparkJson.set(key, localJson.get(key));
        }
        String localText = Files.readString(local.resolve("run.json"), StandardCharsets.UTF_8);
        assertThat(JsonFiles.MAPPER.writeValueAsString(sparkJson)).isEqualTo(localText.strip());
    }

    /** A run's run.json. */
    static JsonNode runJson(Path run) throws IOException {
        return JsonFiles.MAPPER.readTree(run.resolve("run.json").toFile());
    }
}
