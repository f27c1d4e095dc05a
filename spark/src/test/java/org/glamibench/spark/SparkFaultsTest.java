package org.glamibench.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.eval.TestDataset;
import org.glamibench.testing.AdapterJars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on executors, in {@code local[2,2]} (one retry per task; {@code local[2]} never retries):
 * an adapter that fails once mid-partition, on a batch that is not its partition's first, still
 * gives the local run's predictions.csv, with no item stored twice. The child JVM runs without the
 * sandbox, which would keep the adapter from writing its marker file.
 */
class SparkFaultsTest {
    private static final String MASTER = "local[2,2]";
    private static final int ITEMS = 120;
    private static final int BATCH = 8;
    private static final int PARTITIONS = 4;

    @TempDir
    static Path root;
    private static Path data;
    private static Path reference;
    private static JavaSparkContext spark;
    private static final AtomicInteger FAILED_TASKS = new AtomicInteger();

    @BeforeAll
    static void writeDataAndTheLocalRun() throws IOException {
        List<GlamiRow> items = new ArrayList<>(TestDataset.items(ITEMS));
        int hostile = hostileItem(items);
        items.set(hostile, TestDataset.breaking(items.get(hostile), "hostile"));
        data = TestDataset.write(root, items);
        Path marker = Files.createFile(root.resolve("already-failed"));
        reference = eval("local", "--no-sandbox", "--adapter-option", "marker=" + marker).resolve("predictions.csv");
        spark = SparkEvaluation.context(MASTER);
        spark.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
                if (!taskEnd.taskInfo().successful()) {
                    FAILED_TASKS.incrementAndGet();
                }
            }
        });
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void anAdapterWhoseChildJvmExitsOnceGivesTheLocalRun() throws IOException {
        Path marker = root.resolve("exit-marker");
        Path run = eval("exit", "--no-sandbox", "--adapter-option", "marker=" + marker, "--adapter-option", "fault=exit",
                "--spark", MASTER, "--partitions", Integer.toString(PARTITIONS));

        assertThat(marker).exists();
        assertSameItemsOnce(run.resolve("predictions.csv"));
    }

    @Test
    void aTaskInterruptedMidPartitionIsRetriedBySparkAndStoredOnce() throws IOException {
        Path marker = root.resolve("interrupt-marker");
        int failedBefore = FAILED_TASKS.get();
        Path run = eval("interrupt", "--in-process", "--adapter-option", "marker=" + marker, "--adapter-option",
                "fault=interrupt", "--spark", MASTER, "--partitions", Integer.toString(PARTITIONS));

        assertThat(marker).exists();
        assertSameItemsOnce(run.resolve("predictions.csv"));
        assertThat(FAILED_TASKS.get() - failedBefore).as("failed task attempts, retried").isEqualTo(1);
    }

    private static void assertSameItemsOnce(Path predictions) throws IOException {
        assertThat(Files.readString(predictions, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(reference, StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
        Set<String> ids = new HashSet<>();
        lines.subList(1, lines.size()).forEach(line -> ids.add(line.substring(0, line.indexOf(','))));
        assertThat(ids).hasSize(ITEMS);
    }

    /** An item in a batch that is not the first of its partition: its task has scored before it fails. */
    private static int hostileItem(List<GlamiRow> items) {
        Set<Integer> used = new HashSet<>();
        for (int start = 0; start < items.size(); start += BATCH) {
            int partition = SparkScorer.partitionOf(items.subList(start, start + BATCH), PARTITIONS);
            if (!used.add(partition)) {
                return start + BATCH / 2;
            }
        }
        throw new IllegalStateException("every batch is first in its partition");
    }

    private static Path eval(String runId, String... options) {
        List<String> args = new ArrayList<>(List.of("eval", "--data", data.toString(), "--out",
                root.resolve("runs").toString(), "--run-id", runId, "--threads", "2", "--batch",
                Integer.toString(BATCH), "--adapter-jar", AdapterJars.hostile().toString(), "--adapter",
                "hostile-once"));
        args.addAll(List.of(options));
        SparkRuns.run(args.toArray(String[]::new)).succeeded();
        return root.resolve("runs").resolve(runId);
    }
}
