package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.cli.EvalCli.evalOk;
import static org.glamibench.cli.EvalCli.runJson;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.glamibench.testing.AdapterJars;
import org.glamibench.testing.ProjectRoot;
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
    private static final Pattern GLAMIBENCH_IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?(org\\.glamibench(?:\\.[a-z]\\w*)*)\\.[A-Z]");

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
    void theExampleImportsOnlyApiPackages() throws IOException {
        Set<String> apiPackages;
        Path api = ProjectRoot.resolve("api/src/main/java");
        try (Stream<Path> files = Files.walk(api)) {
            apiPackages = files.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> api.relativize(file.getParent()).toString().replace(File.separatorChar, '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> imported = new TreeSet<>();
        Path sources = ProjectRoot.resolve("examples/adapter-example/src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = GLAMIBENCH_IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    imported.add(matcher.group(1));
                }
            }
        }

        assertThat(apiPackages).containsExactly("org.glamibench.adapter", "org.glamibench.dataset",
                "org.glamibench.image", "org.glamibench.progress");
        assertThat(imported).containsExactly("org.glamibench.adapter", "org.glamibench.dataset");
        assertThat(apiPackages).containsAll(imported);
    }

    @Test
    void theExampleValidatesThenScoresInAChildJvmAsInProcess() throws Exception {
        String jar = AdapterJars.example().toString();

        CommandRun validate = CommandRun.of("validate", "--adapter-jar", jar, "--data", data.toString(), "--cache",
                out.resolve("cache").toString());

        assertThat(validate.exitCode()).as("%s", validate).isZero();
        assertThat(validate.out()).contains("  ok   jar", "  ok   " + EXAMPLE + ": output contract",
                "  ok   " + EXAMPLE + ": order and duplicates", String.format("  %-4s %-40s %s", "ok", EXAMPLE + ": unknown options",
                        "refused the made-up option glami-bench-probe-unknown=1: ")).endsWith("all 10 checks passed\n");
        assertThat(validate.err()).contains("[adapter] example-char-ngrams: learned from 3,000 train rows");

        evalOk(data, out, "--no-sandbox", "--adapter-jar", jar, "--adapter", EXAMPLE, "--save-scores", "--run-id", "child");
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
