package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.cli.EvalCli.eval;
import static org.glamibench.cli.EvalCli.evalOk;
import static org.glamibench.cli.EvalCli.runJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.glamibench.testing.AdapterJars;
import org.glamibench.cli.CommandRun;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.files.Sha256;
import org.glamibench.isolation.IsolatedAdapters;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.StoredPredictions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.glamibench.eval.TestDataset;

/**
 * The adapter SPI as a third party meets it: an adapter compiled by the test into a jar of its
 * own (on no class path the harness knows), found by ServiceLoader through {@code --adapter-jar},
 * run in a child JVM (the default) or in process, with the same errors either way.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdapterJarTest {
    private static final List<GlamiRow> ITEMS = TestDataset.items(10);

    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path out;

    @BeforeAll
    static void writeData() {
        data = TestDataset.write(shared, ITEMS);
    }

    @Test
    void anAdapterFromAJarTheTestBuiltRunsAndIsStampedOnTheRun() throws Exception {
        Path jar = AdapterJars.scripted();

        CommandRun run = evalOk(data, out, "--adapter-jar", jar.toString(), "--adapter", "scripted", "--batch", "4",
                "--run-id", "from-jar");

        assertThat(run.out()).startsWith("scripted on test (10 items): top-1 0.7000, top-5 ");
        JsonNode json = runJson(out.resolve("from-jar"));
        JsonNode adapter = json.get("adapter");
        assertThat(adapter.get("name").asText()).isEqualTo("scripted");
        assertThat(adapter.get("version").asText()).isEqualTo("1.2");
        assertThat(adapter.get("modality").asText()).isEqualTo("TEXT");
        assertThat(adapter.get("output").asText()).isEqualTo("PROBABILITIES");
        assertThat(adapter.get("parameter_count").asLong()).isEqualTo(7);
        assertThat(adapter.get("license").asText()).isEqualTo("MIT");
        assertThat(adapter.get("description").asText()).isEqualTo("does what the item name says");
        assertThat(adapter.get("jar").asText()).isEqualTo("scripted-adapter.jar");
        assertThat(adapter.get("jar_sha256").asText()).isEqualTo(Sha256.hexOf(Files.readAllBytes(jar)));
        assertThat(json.at("/metrics/n").asLong()).isEqualTo(10);
        assertThat(json.at("/metrics/top1_hits").asLong()).isEqualTo(7);
        assertThat(json.at("/metrics/top1").asDouble()).isEqualTo(0.7);
        // Sandboxed by default where bubblewrap runs (SandboxDefaultTest covers where it does not).
        assertThat(json.at("/settings/isolation").asText())
                .isEqualTo(IsolatedAdapters.sandboxProblem().isEmpty() ? "child+sandbox" : "child");
        assertThat(json.at("/settings/adapter_heap").asText()).isEqualTo("512m");
        assertThat(json.at("/settings/batch_timeout_seconds").asInt()).isEqualTo(300);

        StoredPredictions stored = StoredPredictions.read(out.resolve("from-jar"));
        assertThat(stored.finished()).isTrue();
        assertThat(stored.size()).isEqualTo(10);
        float rest = 0.5f / 6;
        for (int i = 0; i < ITEMS.size(); i++) {
            GlamiRow item = ITEMS.get(i);
            int guess = i % 3 == 2 ? TestDataset.CATEGORIES.get((i + 1) % 7) : item.category();
            // The guess, then the other categories in class index order (equal scores).
            int[] top = new int[5];
            top[0] = guess;
            for (int c = 0, k = 1; k < 5; c++) {
                if (TestDataset.CATEGORIES.get(c) != guess) {
                    top[k++] = TestDataset.CATEGORIES.get(c);
                }
            }
            assertThat(stored.rows().get(i)).isEqualTo(PredictionRow.ok(item.itemId(), item.geo(), item.category(), top,
                    new float[] {0.5f, rest, rest, rest, rest}));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--in-process", "--adapter-heap=64m"})
    void aJarWithoutAnAdapterIsAClearError(String isolation) {
        Path jar = AdapterJars.withoutAdapter();

        CommandRun run = eval(data, out, isolation, "--adapter-jar", jar.toString(), "--adapter", "scripted");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + jar + ": no adapter found (the jar needs "
                + "META-INF/services/org.glamibench.adapter.ModelAdapter naming its adapter classes)\n");
        assertThat(out).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--in-process", "--adapter-heap=64m"})
    void aJarAdapterCannotTakeTheNameOfABuiltIn(String isolation) {
        Path jar = AdapterJars.impostor();

        CommandRun run = eval(data, out, isolation, "--adapter-jar", jar.toString(), "--adapter", "prior");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + jar + ": adapter name 'prior' is already taken by a built-in adapter\n");
        assertThat(out).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--in-process", "--adapter-heap=64m"})
    void anUnknownAdapterNameListsTheAvailableOnes(String isolation) {
        CommandRun builtIns = eval(data, out, isolation, "--adapter", "nope");
        CommandRun withJar = eval(data, out, isolation, "--adapter-jar", AdapterJars.scripted().toString(), "--adapter", "nope");

        assertThat(builtIns.exitCode()).isEqualTo(2);
        assertThat(builtIns.err()).isEqualTo("error: no adapter named 'nope'; available: prior, random, image, text, embracenet, exported, baseline\n");
        assertThat(withJar.exitCode()).isEqualTo(2);
        assertThat(withJar.err()).isEqualTo("error: no adapter named 'nope'; available: prior, random, image, text, embracenet, exported, baseline, scripted, "
                + "scripted-logits, scripted-image\n");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aRefusedJarIsClosedAgain() throws Exception {
        Path impostor = AdapterJars.impostor();
        Path scripted = AdapterJars.scripted();

        assertThat(eval(data, out, "--in-process", "--adapter-jar", impostor.toString(), "--adapter", "prior").exitCode())
                .isEqualTo(2);
        assertThat(eval(data, out, "--in-process", "--adapter-jar", scripted.toString(), "--adapter-jar",
                impostor.toString(), "--adapter", "scripted").exitCode()).isEqualTo(2);

        assertThat(openDescriptorsOf(impostor)).isZero();
        assertThat(openDescriptorsOf(scripted)).isZero();
    }

    /** How many of this process's file descriptors are open on the file (Linux: /proc/self/fd). */
    private static long openDescriptorsOf(Path file) throws IOException {
        Path real = file.toRealPath();
        long open = 0;
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    open += Files.readSymbolicLink(descriptor).equals(real) ? 1 : 0;
                } catch (IOException closedMeanwhile) {
                    // the descriptor of the listing itself, or one closed since
                }
            }
        }
        return open;
    }

    @ParameterizedTest
    @ValueSource(strings = {"--in-process", "--adapter-heap=64m"})
    void aMissingJarIsAClearError(String isolation) {
        Path jar = out.resolve("absent.jar");

        CommandRun run = eval(data, out, isolation, "--adapter-jar", jar.toString(), "--adapter", "scripted");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + jar + ": no such adapter jar\n");
    }
}
