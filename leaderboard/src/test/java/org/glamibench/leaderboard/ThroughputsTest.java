package org.glamibench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glamibench.files.JsonFiles;
import org.glamibench.run.RunFiles;
import org.glamibench.run.RunResult;
import org.glamibench.run.ThroughputMeasurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThroughputsTest {
    @TempDir
    Path dir;

    private RunResult priorRun() throws IOException {
        return RunFiles.readRun(SuiteWork.suiteFolder().resolve("prior"));
    }

    @Test
    void readsLooseFilesAndTheBenchmarkRunFolders() throws IOException {
        Path benchmarks = Files.createDirectories(dir.resolve("benchmarks"));
        RunResult prior = priorRun();
        JsonFiles.write(benchmarks.resolve("hand.json"),
                new ThroughputMeasurement(prior.adapter().name(), prior.adapter().version(), "cpu", 32, 100.0, "2026-01-01T00:00:00Z"));
        Path run = Files.createDirectories(benchmarks.resolve("20261128-120000"));
        JsonFiles.write(run.resolve(ThroughputMeasurement.FILE), List.of(
                new ThroughputMeasurement(prior.adapter().name(), prior.adapter().version(), "cpu", 8, 50.0, "2026-11-28T12:00:00Z"),
                new ThroughputMeasurement(prior.adapter().name(), prior.adapter().version(), "cpu", 32, 250.0, "2026-11-28T12:00:00Z"),
                new ThroughputMeasurement(prior.adapter().name(), prior.adapter().version(), "gpu:0", 32, 9000.0, "2026-11-29T12:00:00Z")));
        Files.writeString(run.resolve("jmh.json"), "[]");

        Throughputs throughputs = Throughputs.read(benchmarks);

        // At batch 32, on the run's device (cpu) before a later GPU measurement, the latest of the two.
        assertThat(prior.settings().device()).isEqualTo("cpu");
        assertThat(throughputs.atBoardBatch(prior)).get().extracting(ThroughputMeasurement::itemsPerSecond).isEqualTo(250.0);
    }

    @Test
    void nothingMeasuredWithoutTheFolder() throws IOException {
        assertThat(Throughputs.read(dir.resolve("absent")).atBoardBatch(priorRun())).isEmpty();
    }

    @Test
    void aBadMeasurementNamesItsFile() throws IOException {
        Path run = Files.createDirectories(dir.resolve("benchmarks").resolve("20261128-120000"));
        Files.writeString(run.resolve(ThroughputMeasurement.FILE), "[{\"adapter\": \"prior\", \"batch\": 32}]");

        assertThatThrownBy(() -> Throughputs.read(dir.resolve("benchmarks")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("benchmarks/20261128-120000/throughput.json: a measurement needs adapter, "
                        + "adapter_version, device, batch >= 1 and items_per_second > 0");
    }
}
