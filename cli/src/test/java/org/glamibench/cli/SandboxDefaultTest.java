package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.cli.EvalCli.evalOk;
import static org.glamibench.cli.EvalCli.runJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glamibench.eval.TestDataset;
import org.glamibench.files.JsonFiles;
import org.glamibench.testing.AdapterJars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jar adapters are sandboxed by default where bubblewrap runs; here bubblewrap is made missing (the
 * harness runs in a JVM of its own whose PATH holds no bwrap), so the default falls back to a plain
 * child JVM with one warning line, {@code --sandbox} insists and fails, and {@code --no-sandbox}
 * runs the child quietly. Runs everywhere, bubblewrap installed or not.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SandboxDefaultTest {
    private static final String WARNING = "warning: jar adapters run in a child JVM without the sandbox (bubblewrap "
            + "is missing: no bwrap on the PATH): they can read the dataset and use the network; install bubblewrap "
            + "(Debian, Ubuntu: apt-get install bubblewrap) and allow it user namespaces to sandbox them, or pass "
            + "--no-sandbox to accept this";

    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path out;

    @BeforeAll
    static void writeData() {
        data = TestDataset.write(shared, TestDataset.items(6));
    }

    @Test
    void withoutBubblewrapAJarAdapterRunsInAChildJvmAfterOneWarning() throws Exception {
        Result run = withoutBubblewrap("eval", "--run-id", "fallback");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(warnings(run)).containsExactly(WARNING);
        assertThat(runJson(out.resolve("fallback")).at("/settings/isolation").asText()).isEqualTo("child");
    }

    @Test
    void withoutBubblewrapSandboxIsAnError() throws Exception {
        Result run = withoutBubblewrap("eval", "--run-id", "insisted", "--sandbox");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --sandbox: bubblewrap is missing: no bwrap on the PATH; install "
                + "bubblewrap (Debian, Ubuntu: apt-get install bubblewrap) and allow it user namespaces\n");
        assertThat(out.resolve("insisted")).doesNotExist();
    }

    @Test
    void withoutBubblewrapNoSandboxRunsTheChildWithoutAWarning() throws Exception {
        Result run = withoutBubblewrap("eval", "--run-id", "opted-out", "--no-sandbox");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(warnings(run)).isEmpty();
        assertThat(runJson(out.resolve("opted-out")).at("/settings/isolation").asText()).isEqualTo("child");
    }

    @Test
    void withoutBubblewrapValidateFollowsTheSameDefault() throws Exception {
        Result run = withoutBubblewrap("validate", "--json");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(warnings(run)).containsExactly(WARNING);
        JsonNode report = JsonFiles.MAPPER.readTree(run.out());
        assertThat(report.get("isolation").asText()).isEqualTo("child");
        assertThat(report.get("passed").asBoolean()).isTrue();
    }

    @Test
    void builtInAdaptersRunInProcessByDefault() {
        CommandRun run = evalOk(data, out, "--adapter", "prior", "--run-id", "built-in");

        assertThat(run.err()).doesNotContain("warning", "sandbox");
        assertThat(runJson(out.resolve("built-in")).at("/settings/isolation").asText()).isEqualTo("in-process");
    }

    @Test
    void noSandboxExcludesTheOtherIsolationOptions() {
        CommandRun withSandbox = EvalCli.eval(data, out, "--adapter", "prior", "--no-sandbox", "--sandbox");
        CommandRun withInProcess = EvalCli.eval(data, out, "--adapter", "prior", "--no-sandbox", "--in-process");

        assertThat(withSandbox.exitCode()).isEqualTo(2);
        assertThat(withSandbox.err()).isEqualTo("error: --no-sandbox and --sandbox exclude each other\n");
        assertThat(withInProcess.exitCode()).isEqualTo(2);
        assertThat(withInProcess.err()).isEqualTo("error: --no-sandbox and --in-process exclude each other\n");
    }

    private static List<String> warnings(Result run) {
        return run.err().lines().filter(line -> line.startsWith("warning:")).toList();
    }

    /**
     * Runs {@code glami-bench COMMAND} with the scripted jar adapter in a JVM of its own whose PATH
     * is an empty folder, so that no bwrap can be found.
     */
    private Result withoutBubblewrap(String command, String... args) throws IOException, InterruptedException {
        Path emptyPath = Files.createDirectories(out.resolve("empty-path"));
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                GlamiBench.class.getName(), command, "--data", data.toString(), "--adapter-jar",
                AdapterJars.scripted().toString(), "--adapter", "scripted", "--cache", out.resolve("cache").toString()));
        if (command.equals("eval")) {
            line.addAll(List.of("--out", out.toString(), "--threads", "1"));
        }
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(out.resolve("stdout.txt").toFile())
                .redirectError(out.resolve("stderr.txt").toFile());
        builder.environment().put("PATH", emptyPath.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(100, TimeUnit.SECONDS)).as("the harness ended").isTrue();
        return new Result(process.exitValue(), Files.readString(out.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(out.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {
    }
}
