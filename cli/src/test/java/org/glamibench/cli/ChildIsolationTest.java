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
import org.glamibench.store.ItemStatus;
import org.glamibench.testing.AdapterJars;
import org.glamibench.cli.CommandRun;
import org.glamibench.cli.GlamiBench;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.isolation.AdapterHost;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.StoredPredictions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.glamibench.eval.TestDataset;

/**
 * Jar adapters in their child JVM (the default), against the hostile test adapters: a child that
 * exits, hangs, runs out of heap, writes garbage or crashes natively is ended, its batch retried
 * once in a fresh child and then recorded as adapter errors, and the run goes on; an exception or
 * a broken output is recorded exactly as in process; killing the harness ends the child.
 *
 * <p>Six items in batches of two; the third item is marked {@code break=hostile}.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "exit codes and signals as on Linux")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChildIsolationTest {
    private static final int HOSTILE = 2;
    private static final List<GlamiRow> ITEMS = hostileItems();

    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path out;

    @BeforeAll
    static void writeData() {
        data = TestDataset.write(shared, ITEMS);
    }

    private static List<GlamiRow> hostileItems() {
        List<GlamiRow> items = new ArrayList<>(TestDataset.items(6));
        items.set(HOSTILE, TestDataset.breaking(items.get(HOSTILE), "hostile"));
        return items;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hostile-exit    | its JVM exited with code 7 while scoring a batch of 2 items, twice (the second time in a fresh JVM)
            hostile-oom     | its JVM ran out of memory (java.lang.OutOfMemoryError: Java heap space, --adapter-heap 48m) while scoring a batch of 2 items, twice (the second time in a fresh JVM)
            hostile-hang    | its JVM gave no answer within 3 s while scoring a batch of 2 items, and was ended, twice (the second time in a fresh JVM)
            hostile-garbage | its JVM wrote what is not a protocol frame to its standard output (bytes 68656c6c where a frame should begin) while scoring a batch of 2 items, and was ended (adapters print with System.out or System.err, never to FileDescriptor.out), twice (the second time in a fresh JVM)
            hostile-crash   | its JVM crashed (SIGSEGV, a fatal error of the JVM such as a native crash; report /
            """)
    void aChildThatFailsCostsOnlyItsBatchAndTheRunGoesOn(String adapter, String problem) throws Exception {
        CommandRun run = evalOk(data, out, "--no-sandbox", "--adapter-jar", AdapterJars.hostile().toString(), "--adapter", adapter,
                "--batch", "2", "--adapter-heap", "48m", "--batch-timeout", "3", "--save-scores", "--run-id", adapter);

        StoredPredictions stored = StoredPredictions.read(out.resolve(adapter));
        assertThat(stored.size()).isEqualTo(6);
        for (int i = 0; i < ITEMS.size(); i++) {
            PredictionRow row = stored.rows().get(i);
            assertThat(row.itemId()).isEqualTo(ITEMS.get(i).itemId());
            if (i / 2 == HOSTILE / 2) {
                assertThat(row.status()).as("item %d", i).isEqualTo(ItemStatus.ADAPTER_ERROR);
                assertThat(row.error()).startsWith("adapter " + adapter + ": " + problem);
            } else {
                assertThat(row.status()).as("item %d", i).isEqualTo(ItemStatus.OK);
                assertThat(row.topScores()[0]).isEqualTo(0.5f);
            }
        }
        if (adapter.equals("hostile-crash")) {
            deleteCrashReports(stored.rows().get(HOSTILE).error());
        }
        JsonNode json = runJson(out.resolve(adapter));
        assertThat(json.at("/settings/isolation").asText()).isEqualTo("child");
        assertThat(json.at("/settings/adapter_heap").asText()).isEqualTo("48m");
        assertThat(json.at("/settings/batch_timeout_seconds").asInt()).isEqualTo(3);
        assertThat(json.at("/errors/adapter_errors").asLong()).isEqualTo(2);
        // Right guesses at 0, 1 and 4 (5 is guessed wrong by design; 2 and 3 failed).
        assertThat(json.at("/metrics/top1_hits").asLong()).isEqualTo(3);
        assertThat(run.out()).contains("0 input errors, 2 adapter errors");
    }

    /** Removes the crash reports named in an error message (the JVM writes them to the temporary folder). */
    private static void deleteCrashReports(String error) throws IOException {
        for (String word : error.split("[ ;)]", -1)) {
            if (word.contains("glami-bench-adapter-hs_err_pid")) {
                Files.deleteIfExists(Path.of(word));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hostile-throw | predict threw java.lang.IllegalStateException: refusing 1 items
            hostile-nan   | score 0 is NaN
            """)
    void anExceptionOrABrokenOutputIsRecordedAsInProcess(String adapter, String problem) throws Exception {
        String jar = AdapterJars.hostile().toString();
        evalOk(data, out, "--no-sandbox", "--adapter-jar", jar, "--adapter", adapter, "--batch", "2", "--save-scores",
                "--run-id", "child");
        evalOk(data, out, "--in-process", "--adapter-jar", jar, "--adapter", adapter, "--batch", "2", "--save-scores",
                "--run-id", "in-process");

        StoredPredictions stored = StoredPredictions.read(out.resolve("child"));
        assertThat(stored.rows()).extracting(PredictionRow::status).containsExactly(ItemStatus.OK, ItemStatus.OK,
                ItemStatus.ADAPTER_ERROR, ItemStatus.OK, ItemStatus.OK, ItemStatus.OK);
        assertThat(stored.rows().get(HOSTILE).error()).isEqualTo("adapter " + adapter + ": " + problem);
        assertSameRun(out.resolve("child"), out.resolve("in-process"));
    }

    @Test
    void everyContractViolationAndAFailedPrepareAreRecordedAsInProcess() throws Exception {
        List<GlamiRow> items = new ArrayList<>(TestDataset.items(12));
        items.set(1, TestDataset.breaking(items.get(1), "prepare"));
        items.set(5, TestDataset.breaking(items.get(5), "count"));
        items.set(6, TestDataset.breaking(items.get(6), "length"));
        items.set(10, TestDataset.breaking(items.get(10), "throw"));
        Path scripted = TestDataset.write(out.resolve("data"), items);
        String jar = AdapterJars.scripted().toString();
        evalOk(scripted, out, "--no-sandbox", "--adapter-jar", jar, "--adapter", "scripted", "--batch", "4", "--save-scores",
                "--run-id", "child");
        evalOk(scripted, out, "--in-process", "--adapter-jar", jar, "--adapter", "scripted", "--batch", "4",
                "--save-scores", "--run-id", "in-process");

        StoredPredictions stored = StoredPredictions.read(out.resolve("child"));
        assertThat(stored.rows().stream().filter(row -> row.status() == ItemStatus.ADAPTER_ERROR).map(PredictionRow::error))
                .containsExactly("adapter scripted: prepare threw java.lang.IllegalArgumentException: cannot prepare guess 22",
                        "adapter scripted: predict returned 0 score vectors for 1 items",
                        "adapter scripted: 8 scores, expected one per class: 7",
                        "adapter scripted: predict threw java.lang.IllegalStateException: cannot score this batch");
        assertSameRun(out.resolve("child"), out.resolve("in-process"));
    }

    /** The same predictions, scores and metrics. */
    private static void assertSameRun(Path child, Path inProcess) throws IOException {
        assertThat(child.resolve("predictions.csv")).hasSameBinaryContentAs(inProcess.resolve("predictions.csv"));
        assertThat(child.resolve("scores.npy")).hasSameBinaryContentAs(inProcess.resolve("scores.npy"));
        assertThat(runJson(child).get("metrics")).isEqualTo(runJson(inProcess).get("metrics"));
        assertThat(runJson(child).at("/settings/isolation").asText()).isEqualTo("child");
        assertThat(runJson(inProcess).at("/settings/isolation").asText()).isEqualTo("in-process");
        assertThat(runJson(inProcess).at("/settings/adapter_heap").isNull()).isTrue();
    }

    @Test
    void killingTheHarnessEndsTheAdapterJvm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stderr = out.resolve("stderr.txt");
        Process harness = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), GlamiBench.class.getName(), "eval", "--data", data.toString(),
                "--out", out.toString(), "--threads", "1", "--cache", out.resolve("cache").toString(), "--no-sandbox",
                "--adapter-jar", AdapterJars.hostile().toString(), "--adapter", "hostile-hang", "--batch", "6")
                .redirectOutput(out.resolve("stdout.txt").toFile()).redirectError(stderr.toFile()).start();
        try {
            ProcessHandle adapterJvm = awaitHangingChild(harness, stderr);

            harness.destroyForcibly();

            assertThat(harness.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(adapterJvm.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        } finally {
            harness.descendants().forEach(ProcessHandle::destroyForcibly);
            harness.destroyForcibly();
        }
    }

    /** The harness's adapter JVM, once it hangs in predict. */
    private static ProcessHandle awaitHangingChild(Process harness, Path stderr) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(harness.isAlive()).as("the harness ended early: %s", Files.exists(stderr) ? Files.readString(stderr) : "")
                    .isTrue();
            if (Files.exists(stderr) && Files.readString(stderr).contains("[adapter] hostile-hang: hanging")) {
                List<ProcessHandle> hosts = harness.descendants()
                        .filter(process -> commandLine(process).contains(AdapterHost.class.getName())).toList();
                assertThat(hosts).hasSize(1);
                return hosts.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the adapter JVM did not start hanging within 60 s");
    }

    /**
     * The process's program and arguments, read from {@code /proc}: {@link ProcessHandle.Info#arguments()}
     * is empty for a command line over 4 KiB (the JDK reads one page), and the adapter JVM's class
     * path (this test JVM's) is longer. Empty when the process has ended.
     */
    private static List<String> commandLine(ProcessHandle process) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return List.of(new String(cmdline, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
