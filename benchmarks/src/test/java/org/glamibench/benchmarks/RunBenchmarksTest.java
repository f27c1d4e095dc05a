package org.glamibench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.benchmarks.report.JmhResult;
import org.glamibench.run.GpuInfo;
import org.glamibench.run.ThroughputMeasurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunBenchmarksTest {
    @TempDir
    Path dir;

    @Test
    void turnsTheForwardThroughputsIntoLeaderboardMeasurements() throws Exception {
        Path json = dir.resolve("jmh.json");
        try (var in = getClass().getResourceAsStream("/jmh-sample.json")) {
            Files.copy(in, json, StandardCopyOption.REPLACE_EXISTING);
        }
        // The prior adapter's results only: the text model would have to be trained first.
        List<JmhResult> prior = JmhResult.read(json).stream()
                .filter(r -> "prior".equals(r.params().get("adapter"))).toList();

        List<ThroughputMeasurement> measured = RunBenchmarks.throughputs(prior, DeviceSpec.CPU, "2026-11-28T12:00:00Z");

        // Sample-mode results are not throughputs; 8163012.887593164 calls/s of 1 item, 1237951.0160444172 of 8.
        assertThat(measured).containsExactly(
                new ThroughputMeasurement("prior", "1", "cpu", 1, 8163012.887593164, "2026-11-28T12:00:00Z"),
                new ThroughputMeasurement("prior", "1", "cpu", 8, 1237951.0160444172 * 8, "2026-11-28T12:00:00Z"));
    }

    @Test
    void aGpuThatIsNotThereIsAnErrorNotAFallback() {
        assumeThat(GpuInfo.all()).as("a machine without an NVIDIA GPU").isEmpty();

        assertThatThrownBy(() -> RunBenchmarks.checkDevice(DeviceSpec.parse("gpu")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Djmh.device=gpu:0: there is no GPU here (nvidia-smi is absent or lists none), and the "
                        + "benchmarks never fall back to the CPU; use -Djmh.device=cpu");
        assertThatCode(() -> RunBenchmarks.checkDevice(DeviceSpec.CPU)).doesNotThrowAnyException();
    }
}
