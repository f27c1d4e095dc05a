package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glamibench.files.JsonFiles;
import org.glamibench.testing.AdapterJars;
import org.glamibench.cli.CommandRun;
import org.glamibench.eval.TestDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.glamibench.run.RunJsonSchema;
import org.glamibench.run.RunResult;

/** run.schema.json accepts the run.json files the harness writes and rejects broken ones. */
class RunJsonSchemaTest {
    @TempDir
    static Path dir;
    static Path data;
    static String runJson;

    @BeforeAll
    static void writeARun() throws Exception {
        data = TestDataset.write(dir, TestDataset.items(12));
        CommandRun run = CommandRun.of("eval", "--data", data.toString(), "--out", dir.resolve("runs").toString(),
                "--adapter", "random", "--save-scores", "--run-id", "random", "--threads", "1");
        assertThat(run.exitCode()).as("%s", run).isZero();
        runJson = Files.readString(dir.resolve("runs/random/run.json"));
    }

    @Test
    void aRunWrittenByTheHarnessIsValid() {
        assertThat(RunJsonSchema.errors(runJson)).isEmpty();
        RunJsonSchema.assertValid(dir.resolve("runs/random"));
    }

    @Test
    void aRunWhereEveryItemFailedIsValid() {
        // An IMAGE adapter on a dataset without images: twelve input errors, metrics undefined (null).
        CommandRun run = CommandRun.of("eval", "--data", data.toString(), "--out", dir.resolve("runs").toString(),
                "--in-process", "--adapter-jar", AdapterJars.scripted().toString(), "--adapter", "scripted-image", "--run-id", "no-images",
                "--threads", "1");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).contains("12 input errors");
        RunJsonSchema.assertValid(dir.resolve("runs/no-images"));
    }

    @Test
    void aLocalRunHasNoExecutionSectionAndASparkOneIsValid() throws Exception {
        ObjectNode json = (ObjectNode) JsonFiles.MAPPER.readTree(runJson);
        assertThat(json.has("execution")).isFalse();

        json.set("execution", JsonFiles.MAPPER.valueToTree(
                new RunResult.Execution("spark", "local[2]", 8, 2, 3, 20, 32.0, 0.25, 0.5)));

        assertThat(RunJsonSchema.errors(JsonFiles.MAPPER.writeValueAsString(json))).isEmpty();
        assertThat(json.get("execution").fieldNames()).toIterable().containsExactly("engine", "master", "partitions",
                "slots", "waves", "tasks", "median_task_items", "median_task_seconds", "max_task_seconds");
    }

    @Test
    void anExecutionOfAnotherEngineOrWithoutPartitionsIsRejected() throws Exception {
        ObjectNode json = (ObjectNode) JsonFiles.MAPPER.readTree(runJson);
        ObjectNode execution = JsonFiles.MAPPER.valueToTree(
                new RunResult.Execution("flink", "local[2]", 8, 2, 3, 20, 32.0, 0.25, 0.5));
        execution.remove("partitions");
        json.set("execution", execution);

        List<Error> errors = RunJsonSchema.errors(JsonFiles.MAPPER.writeValueAsString(json));

        assertThat(errors).extracting(Error::getKeyword).containsExactlyInAnyOrder("enum", "required");
    }

    @Test
    void aMissingRequiredKeyIsRejected() throws Exception {
        ObjectNode json = (ObjectNode) JsonFiles.MAPPER.readTree(runJson);
        ((ObjectNode) json.get("errors")).remove("adapter_errors");
        json.remove("provenance");

        List<Error> errors = RunJsonSchema.errors(JsonFiles.MAPPER.writeValueAsString(json));

        assertThat(errors).extracting(Error::getKeyword).containsOnly("required");
        assertThat(errors).extracting(Error::getProperty).containsExactlyInAnyOrder("provenance", "adapter_errors");
    }

    @Test
    void aRateAboveOneIsRejected() throws Exception {
        ObjectNode json = (ObjectNode) JsonFiles.MAPPER.readTree(runJson);
        ((ObjectNode) json.get("metrics")).put("top1", 1.5);

        List<Error> errors = RunJsonSchema.errors(JsonFiles.MAPPER.writeValueAsString(json));

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getInstanceLocation().toString()).isEqualTo("/metrics/top1");
        assertThat(errors.get(0).getKeyword()).isEqualTo("maximum");
    }

    @Test
    void assertValidNamesTheFileAndTheViolation() throws Exception {
        ObjectNode json = (ObjectNode) JsonFiles.MAPPER.readTree(runJson);
        json.put("schema_version", 2);
        Path file = Files.writeString(dir.resolve("bad-run.json"), JsonFiles.MAPPER.writeValueAsString(json));

        assertThatThrownBy(() -> RunJsonSchema.assertValid(file)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(file + " does not match run.schema.json:")
                .hasMessageContaining("schema_version");
    }
}
