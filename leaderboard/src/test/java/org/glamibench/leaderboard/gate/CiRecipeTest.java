package org.glamibench.leaderboard.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.glamibench.cli.GlamiBench;
import org.glamibench.testing.AdapterJars;
import org.glamibench.testing.ProjectRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI recipe for adapter authors, {@code examples/ci/run.sh}, run as a model repository runs it,
 * on the example adapter's jar: it makes the baseline ({@code GLAMI_CI_UPDATE=1}, on a sample it
 * generates), passes a fresh run of the same adapter, and fails with the gate's exit code and
 * message when the adapter is made worse. {@code GLAMI_BENCH} is a launcher script that runs the
 * command line from this test's class path, as {@code ./glami-bench} runs it from the modules'
 * target folders (which the tests do not build).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CiRecipeTest {
    private static final String EXAMPLE = "example-char-ngrams";
    /** A small text-only sample: the example reads no photos. */
    private static final String SAMPLE_ARGS = "--train 3000 --test 400 --seed 3 --no-images";
    /** Every environment variable the script reads, cleared so that the caller's settings play no part. */
    private static final List<String> SCRIPT_VARIABLES = List.of("GLAMI_BENCH", "GLAMI_CI_OUT", "GLAMI_CI_UPDATE",
            "GATE_ARGS", "ADAPTER_ARGS", "EVAL_ARGS", "SAMPLE_ARGS", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY");

    @TempDir
    static Path shared;
    static Path launcher;
    static Path jar;
    static Path baseline;
    static Path sample;

    @TempDir
    Path out;

    @BeforeAll
    static void makeTheBaseline() throws Exception {
        launcher = writeLauncher(shared.resolve("glami-bench"));
        jar = AdapterJars.example();
        baseline = shared.resolve("baseline");
        Path work = shared.resolve("ci");

        Script update = Script.run(work, Map.of("GLAMI_CI_UPDATE", "1", "SAMPLE_ARGS", SAMPLE_ARGS,
                "EVAL_ARGS", "--save-scores"), jar.toString(), EXAMPLE, baseline.toString());

        assertThat(update.exitCode()).as("%s", update).isZero();
        assertThat(update.out()).contains("all 10 checks passed", "glami-ci: wrote the baseline " + baseline);
        try (var files = Files.list(baseline)) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted())
                    .as("the baseline is the run folder without scores.npy")
                    .containsExactly("classes.json", "predictions.csv", "request.json", "run.json");
        }
        assertThat(work.resolve("runs").resolve(EXAMPLE).resolve("scores.npy")).isRegularFile();
        sample = work.resolve("sample");
    }

    @Test
    void passesAFreshRunOfTheSameAdapterWithTheGateOptionsGiven() throws Exception {
        Script gate = Script.run(out, Map.of("ADAPTER_ARGS", "--in-process", "GATE_ARGS", "--max-drop 0.01 --alpha 0.01"),
                jar.toString(), EXAMPLE, baseline.toString(), sample.toString());

        assertThat(gate.exitCode()).as("%s", gate).isZero();
        assertThat(gate.out()).contains("all 10 checks passed", "top-1 falls by more than 0.0100", "alpha 0.01",
                "top-1 changed on 0 of 400 items", "passed:");
        assertThat(out.resolve("runs").resolve(EXAMPLE).resolve("predictions.csv"))
                .hasSameBinaryContentAs(baseline.resolve("predictions.csv"));
        assertThat(out.resolve("gate.txt")).content(StandardCharsets.UTF_8).contains("passed:");
        assertThat(out.resolve("validate.txt")).content(StandardCharsets.UTF_8).contains("all 10 checks passed");
    }

    /** Two hash buckets for every n-gram: what a broken text hashing does to the example. */
    @Test
    void failsWithTheGatesCodeAndMessageWhenTheAdapterIsMadeWorse() throws Exception {
        Script gate = Script.run(out, Map.of("ADAPTER_ARGS", "--in-process --adapter-option buckets=2"),
                jar.toString(), EXAMPLE, baseline.toString(), sample.toString());

        assertThat(gate.exitCode()).as("%s", gate).isEqualTo(GlamiBench.EXIT_FAILED);
        assertThat(gate.err()).contains("regression: top-1 overall fell from 0.0775 to 0.0075 (-0.0700, more than the allowed 0.0050)");
        assertThat(out.resolve("gate-errors.txt")).content(StandardCharsets.UTF_8)
                .startsWith("regression: top-1 overall fell from 0.0775");
        assertThat(out.resolve("runs").resolve(EXAMPLE).resolve("run.json")).isRegularFile();
    }

    @Test
    void refusesWithoutAHarnessOrABaseline() throws Exception {
        Script noHarness = Script.run(out, Map.of("GLAMI_BENCH", ""), jar.toString(), EXAMPLE, baseline.toString());
        Script notAHarness = Script.run(out, Map.of("GLAMI_BENCH", out.toString()), jar.toString(), EXAMPLE,
                baseline.toString());
        Script noBaseline = Script.run(out, Map.of(), jar.toString(), EXAMPLE, out.resolve("none").toString());

        assertThat(noHarness.exitCode()).isEqualTo(GlamiBench.EXIT_BAD_INPUT);
        assertThat(noHarness.err()).isEqualTo("glami-ci: set GLAMI_BENCH to a glami-bench checkout (or its launcher script glami-bench)\n");
        assertThat(notAHarness.exitCode()).isEqualTo(GlamiBench.EXIT_BAD_INPUT);
        assertThat(notAHarness.err()).isEqualTo("glami-ci: GLAMI_BENCH=" + out + " is neither a glami-bench checkout nor its launcher script\n");
        assertThat(noBaseline.exitCode()).isEqualTo(GlamiBench.EXIT_BAD_INPUT);
        assertThat(noBaseline.err()).isEqualTo("glami-ci: no baseline run at " + out.resolve("none")
                + " (a run folder with run.json): make one with GLAMI_CI_UPDATE=1 and commit it\n");
    }

    /** A launcher that runs {@link GlamiBench} with this JVM's class path, as {@code ./glami-bench} does. */
    private static Path writeLauncher(Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(file, "#!/bin/sh\nexec " + quoted(java) + " -Djava.awt.headless=true -Dai.djl.offline=true -cp "
                + quoted(System.getProperty("java.class.path")) + " " + GlamiBench.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * One run of {@code examples/ci/run.sh} with {@code GLAMI_CI_OUT} set to a folder and
     * {@code GLAMI_BENCH} to the test's launcher, unless the given variables say otherwise.
     */
    private record Script(int exitCode, String out, String err) {
        static Script run(Path work, Map<String, String> variables, String... arguments) throws IOException,
                InterruptedException {
            List<String> command = new ArrayList<>(List.of("bash", ProjectRoot.resolve("examples/ci/run.sh").toString()));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command);
            Map<String, String> environment = builder.environment();
            SCRIPT_VARIABLES.forEach(environment::remove);
            environment.put("GLAMI_CI_OUT", work.toString());
            environment.put("GLAMI_BENCH", launcher.toString());
            environment.putAll(variables);
            Files.createDirectories(work);
            Path stdout = Files.createTempFile(work, "script", ".out");
            Path stderr = Files.createTempFile(work, "script", ".err");
            Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(4, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("run.sh took more than 4 minutes: " + Files.readString(stderr));
            }
            int exitCode = process.exitValue();
            return new Script(exitCode, Files.readString(stdout), Files.readString(stderr));
        }
    }
}
