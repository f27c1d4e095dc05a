package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.glamibench.cli.EvalCli.eval;
import static org.glamibench.cli.EvalCli.evalOk;
import static org.glamibench.cli.EvalCli.runJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.glamibench.testing.AdapterJars;
import org.glamibench.cli.CommandRun;
import org.glamibench.cli.GlamiBench;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.StoredPredictions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.glamibench.eval.TestDataset;

/**
 * A whole evaluation killed with SIGKILL and resumed: {@code glami-bench eval} runs in a child JVM
 * with an adapter slowed down to 1 ms an item over 3,000 items and is killed ({@link Process#destroyForcibly()}) as soon
 * as its {@code predictions.csv.part} has grown (the store has written its first 64 KiB, about
 * 800 rows). The same command, given again in this JVM (at full speed), resumes it: every item ends up stored exactly once,
 * and the run's metrics and predictions are those of an uninterrupted run. The adapter runs in
 * process, where the system property that slows it down reaches it.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGKILL semantics")
class KillAndResumeTest {
    private static final List<GlamiRow> ITEMS = TestDataset.items(3000);

    @TempDir
    Path dir;

    @Test
    @Timeout(90)
    void aKilledEvalResumesToTheRunItWouldHaveBeen() throws Exception {
        Path data = TestDataset.write(dir, ITEMS);
        Path out = dir.resolve("runs");
        String[] command = {"--in-process", "--adapter-jar", AdapterJars.scripted().toString(), "--adapter", "scripted",
            "--adapter-option", "note=kill", "--batch", "30"};

        Process child = start(data, out, command);
        Path runDir = awaitGrowth(child, out);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        assertThat(runDir.getFileName().toString()).matches("scripted-test-[0-9a-f]{8}");
        assertThat(runDir.resolve("run.json")).doesNotExist();
        StoredPredictions interrupted = StoredPredictions.read(runDir);
        assertThat(interrupted.finished()).isFalse();
        int kept = interrupted.size();
        assertThat(kept).isPositive().isLessThan(ITEMS.size());
        assertThat(itemIds(interrupted)).isEqualTo(ITEMS.subList(0, kept).stream().map(GlamiRow::itemId).toList());

        CommandRun resumed = evalOk(data, out, command);

        assertThat(resumed.err()).contains("resuming " + runDir + ": " + kept + " items already stored, "
                + (ITEMS.size() - kept) + " to go");
        StoredPredictions stored = StoredPredictions.read(runDir);
        assertThat(stored.finished()).isTrue();
        assertThat(itemIds(stored)).as("every item once, in split order")
                .isEqualTo(ITEMS.stream().map(GlamiRow::itemId).toList());
        JsonNode json = runJson(runDir);
        assertThat(json.at("/timing/resumed_items").asLong()).isEqualTo(kept);
        assertThat(json.at("/timing/items").asLong()).isEqualTo(ITEMS.size() - kept);
        assertThat(json.at("/dataset/scored_rows").asInt()).isEqualTo(3000);
        assertThat(json.at("/settings/adapter_options/note").asText()).isEqualTo("kill");

        Path reference = dir.resolve("uninterrupted");
        evalOk(data, reference, command);
        Path referenceDir = reference.resolve(runDir.getFileName());
        JsonNode referenceJson = runJson(referenceDir);
        assertThat(referenceJson.at("/timing/resumed_items").asLong()).isZero();
        assertThat(json.get("metrics")).isEqualTo(referenceJson.get("metrics"));
        assertThat(json.at("/metrics/top1_hits").asLong()).isEqualTo(2000);
        assertThat(runDir.resolve("predictions.csv")).hasSameBinaryContentAs(referenceDir.resolve("predictions.csv"));

        CommandRun again = eval(data, out, command);

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("error: " + runDir + " holds a completed run; give --force to redo it, or "
                + "another --run-id\n");
        assertThat(runJson(runDir)).isEqualTo(json);

        List<String> forced = new ArrayList<>(List.of(command));
        forced.add("--force");
        evalOk(data, out, forced.toArray(String[]::new));

        JsonNode redone = runJson(runDir);
        assertThat(redone.at("/timing/resumed_items").asLong()).isZero();
        assertThat(redone.at("/timing/items").asLong()).isEqualTo(3000);
        assertThat(redone.get("metrics")).isEqualTo(referenceJson.get("metrics"));
    }

    private static List<Long> itemIds(StoredPredictions stored) {
        return stored.rows().stream().map(PredictionRow::itemId).toList();
    }

    private Process start(Path data, Path out, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dscripted.sleep-ms=30", "-cp", System.getProperty("java.class.path"), GlamiBench.class.getName(),
                "eval", "--data", data.toString(), "--out", out.toString(), "--threads", "2",
                "--cache", out.resolve("cache").toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    /** Waits until a run folder under {@code out} has a predictions.csv.part of more than its header. */
    private Path awaitGrowth(Process child, Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                fail("the child ended (exit %d) before it was killed; stderr: %s", child.exitValue(),
                        Files.readString(dir.resolve("stderr.txt")));
            }
            if (Files.isDirectory(out)) {
                try (Stream<Path> runs = Files.list(out)) {
                    for (Path run : runs.toList()) {
                        Path part = run.resolve("predictions.csv.part");
                        if (Files.exists(part) && Files.size(part) > 1000) {
                            return run;
                        }
                    }
                }
            }
            Thread.sleep(2);
        }
        child.destroyForcibly();
        throw new AssertionError("predictions.csv.part did not grow within 60 s");
    }
}
