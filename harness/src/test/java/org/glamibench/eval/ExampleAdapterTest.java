package org.glamibench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.eval.EvalCli.evalOk;
import static org.glamibench.eval.EvalCli.runJson;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.glamibench.adapter.AdapterJars;
import org.glamibench.cli.CommandRun;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.isolation.IsolatedAdapters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example adapter project ({@code examples/adapter-example/}) submitted as its README says, on
 * a small built-in sample (texts only): it validates, then scores in a child JVM exactly as in
 * process (and in the sandbox, where bubblewrap runs), and learns something the majority baseline
 * does not.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExampleAdapterTest {
    private static final String EXAMPLE = "example-char-ngrams";

    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path out;

    @BeforeAll
    static void writeSample() {
        CommandRun sample = CommandRun.of("sample", "--out", shared.toString(), "--train", "3000", "--test", "400",
                "--no-images", "--seed", "3");
        assertThat(sample.exitCode()).as("%s", sample).isZero();
        data = shared.resolve(DatasetLayout.FOLDER_NAME);
    }

    @Test
    void theExampleValidatesThenScoresInAChildJvmAsInProcess() throws Exception {
        String jar = AdapterJars.example().toString();

        CommandRun validate = CommandRun.of("validate", "--adapter-jar", jar, "--data", data.toString(), "--cache",
                out.resolve("cache").toString());

        assertThat(validate.exitCode()).as("%s", validate).isZero();
        assertThat(validate.out()).contains("  ok   jar", "  ok   " + EXAMPLE + ": output contract",
                "  ok   " + EXAMPLE + ": order and duplicates").endsWith("all 9 checks passed\n");
        assertThat(validate.err()).contains("[adapter] example-char-ngrams: learned from 3,000 train rows");

        evalOk(data, out, "--adapter-jar", jar, "--adapter", EXAMPLE, "--save-scores", "--run-id", "child");
        evalOk(data, out, "--in-process", "--adapter-jar", jar, "--adapter", EXAMPLE, "--save-scores",
                "--run-id", "in-process");
        evalOk(data, out, "--adapter", "prior", "--run-id", "prior");

        Path child = out.resolve("child");
        Path inProcess = out.resolve("in-process");
        assertThat(child.resolve("predictions.csv")).hasSameBinaryContentAs(inProcess.resolve("predictions.csv"));
        assertThat(child.resolve("scores.npy")).hasSameBinaryContentAs(inProcess.resolve("scores.npy"));
        JsonNode childJson = runJson(child);
        assertThat(childJson.get("metrics")).isEqualTo(runJson(inProcess).get("metrics"));
        assertThat(childJson.at("/settings/isolation").asText()).isEqualTo("child");
        assertThat(childJson.at("/adapter/jar").asText()).isEqualTo("glami-bench-adapter-example.jar");
        assertThat(childJson.at("/errors/adapter_errors").asLong()).isZero();
        assertThat(childJson.at("/metrics/top1").asDouble()).as("better than the majority baseline")
                .isGreaterThan(2 * runJson(out.resolve("prior")).at("/metrics/top1").asDouble());
    }

    @Test
    void theExampleScoresTheSameInTheSandbox() throws Exception {
        Optional<String> problem = IsolatedAdapters.sandboxProblem();
        assumeTrue(problem.isEmpty(), () -> "skipped: " + problem.orElseThrow());
        String jar = AdapterJars.example().toString();

        evalOk(data, out, "--sandbox", "--adapter-jar", jar, "--adapter", EXAMPLE, "--run-id", "sandboxed");
        evalOk(data, out, "--in-process", "--adapter-jar", jar, "--adapter", EXAMPLE, "--run-id", "in-process");

        assertThat(out.resolve("sandboxed/predictions.csv")).hasSameBinaryContentAs(out.resolve("in-process/predictions.csv"));
        assertThat(runJson(out.resolve("sandboxed")).at("/settings/isolation").asText()).isEqualTo("child+sandbox");
    }
}
