package org.glamibench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.LongStream;
import org.glamibench.dataset.ClassIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash leaves behind, made by hand: a run of items 1..100 left open (closed without
 * finishing), then its files cut or extended as a writer killed mid-write leaves them.
 */
class PredictionStoreRecoveryTest {
    static final ClassIndex SEVEN = PredictionStoreTest.SEVEN;
    static final int ROW_BYTES = 4 * 7;

    @TempDir
    Path dir;
    Path run;
    Path csv;
    Path npy;
    byte[] csvBytes;
    byte[] npyBytes;

    @BeforeEach
    void writeAnInterruptedRun() throws IOException {
        run = dir.resolve("run");
        try (PredictionStore store = PredictionStore.open(run, SEVEN, true)) {
            LongStream.rangeClosed(1, 100).forEach(id -> TestRuns.item(id, SEVEN).appendTo(store));
        }
        csv = run.resolve("predictions.csv.part");
        npy = run.resolve("scores.npy.part");
        csvBytes = Files.readAllBytes(csv);
        npyBytes = Files.readAllBytes(npy);
        assertThat(npyBytes).hasSize(128 + 100 * ROW_BYTES);
    }

    @Test
    void cutsAHalfWrittenLastLine() throws IOException {
        append(csv, "101,hr,114,121,100,142,1");

        assertResumesWith(100);
    }

    @Test
    void cutsARecordTornInsideAQuotedNewline() throws IOException {
        append(csv, "101,hr,114,,,,,,,,,,,adapter_error,\"it broke, \"\"badly\"\"\nat line 2");
        append(npy, new byte[ROW_BYTES]);

        assertResumesWith(100);
    }

    @Test
    void cutsAPartialScoreRowAndTheRowItBelongsTo() throws IOException {
        truncate(npy, npyBytes.length - 10);

        assertResumesWith(99);
    }

    @Test
    void keepsTheScoreRowsOnlyUpToTheLastCompleteLine() throws IOException {
        String text = new String(csvBytes, StandardCharsets.UTF_8);
        int end97 = nthLineEnd(text, 1 + 97);
        truncate(csv, end97 + 20);

        assertResumesWith(97);
    }

    @Test
    void readsAnInterruptedRunAsItWouldResumeWithoutChangingIt() throws IOException {
        append(csv, "101,hr,114,121,100,142,1");
        truncate(npy, npyBytes.length - ROW_BYTES - 3);
        byte[] tornCsv = Files.readAllBytes(csv);

        StoredPredictions stored = StoredPredictions.read(run);

        assertThat(stored.finished()).isFalse();
        assertThat(stored.size()).isEqualTo(98);
        assertThat(stored.rows().get(97)).isEqualTo(TestRuns.item(98, SEVEN).row());
        assertThat(Files.readAllBytes(csv)).isEqualTo(tornCsv);
        assertThat(Files.size(npy)).isEqualTo(npyBytes.length - ROW_BYTES - 3);
    }

    @Test
    void resumesAfterACrashBetweenTheTwoRenamesOfFinish() throws IOException {
        Files.move(npy, run.resolve("scores.npy"));

        assertThat(StoredPredictions.read(run).size()).isEqualTo(100);
        assertResumesWith(100);
    }

    @Test
    void refusesAMalformedCompleteLineRatherThanDropIt() throws IOException {
        String text = new String(csvBytes, StandardCharsets.UTF_8);
        int end50 = nthLineEnd(text, 1 + 50);
        Files.writeString(csv, text.substring(0, end50 + 1) + "garbage\n" + text.substring(end50 + 1));

        assertThatThrownBy(() -> PredictionStore.open(run, SEVEN, true)).isInstanceOf(PredictionStoreException.class)
                .hasMessage(csv + ":52: 1 fields, expected 15");
        assertThat(Files.readString(csv)).contains("garbage");
    }

    /** Reopens the run, checks what was kept, resumes it to 120 items, and compares with one go. */
    private void assertResumesWith(int kept) throws IOException {
        try (PredictionStore store = PredictionStore.open(run, SEVEN, true)) {
            assertThat(store.completedItemIds()).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, kept).boxed().toList());
            assertThat(Files.size(npy)).isEqualTo(128 + (long) kept * ROW_BYTES);
            String text = new String(csvBytes, StandardCharsets.UTF_8);
            assertThat(Files.readString(csv)).isEqualTo(text.substring(0, nthLineEnd(text, 1 + kept) + 1));

            LongStream.rangeClosed(kept + 1, 120).forEach(id -> TestRuns.item(id, SEVEN).appendTo(store));
            store.finish();
        }
        PredictionStoreTest.assertSameFiles(run, PredictionStoreTest.writeInOneGo(dir.resolve("reference"), 120));
    }

    /** Index of the LF that ends the n-th record (1 = header), skipping LFs inside quotes. */
    private static int nthLineEnd(String text, int n) {
        boolean quoted = false;
        int seen = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted && ++seen == n) {
                return i;
            }
        }
        throw new IllegalArgumentException("fewer than " + n + " records");
    }

    private static void append(Path file, String text) throws IOException {
        append(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }
}
