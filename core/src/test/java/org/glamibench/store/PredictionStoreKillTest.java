package org.glamibench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real kill -9: a child JVM ({@link KilledRunWriter}) writes 5,000 items with scores of 191
 * classes, about 0.3 ms each, checkpointing every 1,000, and is killed with SIGKILL
 * ({@link Process#destroyForcibly()}) at four moments: 0 to 11 ms after it reported item 1,020,
 * 2,850, 3,400 and 4,600, so with nothing, one or more buffer writes of rows and of score rows
 * since its last checkpoint. A last child resumes and finishes. After each kill the folder reads
 * as a prefix of the run holding every checkpointed row, the next child resumes exactly there, and
 * the finished files are byte for byte those of an uninterrupted run.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGKILL semantics")
class PredictionStoreKillTest {
    static final int ITEMS = 5000;
    static final long PAUSE_MICROS = 250;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aRunKilledAtAnyMomentResumesToExactlyTheUninterruptedFiles() throws Exception {
        Path run = dir.resolve("killed");
        int[] killAfterItem = {1020, 2850, 3400, 4600};
        int[] thenWaitMillis = {0, 3, 7, 11};
        int kept = 0;
        int tornLines = 0;
        int partialScoreRows = 0;
        for (int i = 0; i < killAfterItem.length; i++) {
            Process child = start(run);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("resumed " + kept);
            int durable = 0;
            for (int appended = 0; appended < killAfterItem[i]; ) {
                String line = out.readLine();
                if (line == null || line.startsWith("finished")) {
                    fail("child %d ended before item %d: %s; stderr: %s", i, killAfterItem[i], line,
                            Files.readString(dir.resolve("stderr.txt")));
                } else if (line.startsWith("durable ")) {
                    durable = Integer.parseInt(line.substring("durable ".length()));
                } else {
                    appended = Integer.parseInt(line.substring("appended ".length()));
                }
            }
            Thread.sleep(thenWaitMillis[i]);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

            byte[] csv = Files.readAllBytes(run.resolve("predictions.csv.part"));
            tornLines += csv[csv.length - 1] != '\n' ? 1 : 0;
            partialScoreRows += (Files.size(run.resolve("scores.npy.part")) - 128) % (4 * 191) != 0 ? 1 : 0;
            StoredPredictions interrupted = StoredPredictions.read(run);
            assertThat(interrupted.finished()).isFalse();
            assertThat(interrupted.size()).isGreaterThanOrEqualTo(durable).isLessThan(ITEMS);
            assertIsThePrefixOfTheRun(interrupted);
            kept = interrupted.size();
        }

        assertThat(tornLines).as("kills that left a torn last line").isPositive();
        assertThat(partialScoreRows).as("kills that left a partial score row").isPositive();

        Process last = start(run);
        String output = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
        assertThat(output).startsWith("resumed " + kept + "\n").endsWith("finished " + ITEMS + "\n");

        StoredPredictions finished = StoredPredictions.read(run);
        assertThat(finished.finished()).isTrue();
        assertThat(finished.size()).isEqualTo(ITEMS);
        assertIsThePrefixOfTheRun(finished);

        Path reference = dir.resolve("uninterrupted");
        KilledRunWriter.run(reference, ITEMS, 0, new PrintStream(OutputStream.nullOutputStream()));
        PredictionStoreTest.assertSameFiles(run, reference);
    }

    /** Row {@code i} is item {@code i + 1} exactly as the writer makes it, scores included. */
    private static void assertIsThePrefixOfTheRun(StoredPredictions stored) {
        for (int i = 0; i < stored.size(); i++) {
            TestRuns.Item item = TestRuns.item(i + 1, KilledRunWriter.CLASS_INDEX);
            assertThat(stored.rows().get(i)).isEqualTo(item.row());
            if (item.probabilities() == null) {
                assertThat(stored.scores(i)).containsOnly(Float.NaN);
            } else {
                assertThat(stored.scores(i)).containsExactly(item.probabilities());
            }
        }
    }

    private Process start(Path run) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), KilledRunWriter.class.getName(),
                run.toString(), String.valueOf(ITEMS), String.valueOf(PAUSE_MICROS))
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }
}
