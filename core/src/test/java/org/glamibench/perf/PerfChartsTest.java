package org.glamibench.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.glamibench.files.JsonFiles;
import org.glamibench.run.Provenance;
import org.glamibench.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class PerfChartsTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path folder;

    @Test
    void theSummaryChartsEveryPerfResultOfTheFolder() throws IOException {
        JsonFiles.write(folder.resolve("random-single-stream-20260101-120000.json"), result("random", "single-stream", 1));
        JsonFiles.write(folder.resolve("prior-offline-20260101-120100.json"), result("prior", "offline", 32));
        Files.writeString(folder.resolve("notes.txt"), "not JSON, not looked at");

        PerfCharts.Summary summary = PerfCharts.writeSummary(folder);

        assertThat(summary.results()).isEqualTo(2);
        assertThat(summary.skipped()).isEmpty();
        assertThat(summary.written()).containsExactly(folder.resolve("perf-summary.png"), folder.resolve("perf-summary.svg"),
                folder.resolve("perf-summary-throughput.png"), folder.resolve("perf-summary-throughput.svg"));
        for (Path file : summary.written()) {
            assertChartFile(file);
        }
    }

    @Test
    void resultsAreNamedByAdapterScenarioBatchAndDeviceARepeatNumbered() {
        PerfResult random = result("random", "single-stream", 1);

        assertThat(PerfCharts.labels(List.of(random, result("prior", "offline", 32), random, random))).containsExactly(
                "random single-stream batch 1 cpu", "prior offline batch 32 cpu", "random single-stream batch 1 cpu (2)",
                "random single-stream batch 1 cpu (3)");
    }

    @Test
    void aJsonFileThatIsNotAPerfResultIsSkippedAndReported() throws IOException {
        JsonFiles.write(folder.resolve("random-single-stream-1.json"), result("random", "single-stream", 1));
        Files.writeString(folder.resolve("broken.json"), "{\"adapter\": ");
        Files.writeString(folder.resolve("empty-object.json"), "{}");
        Files.writeString(folder.resolve("run.json"), "{\"run_id\": \"random\"}");

        PerfCharts.Summary summary = PerfCharts.writeSummary(folder);

        assertThat(summary.results()).isEqualTo(1);
        assertThat(summary.skipped()).extracting(PerfCharts.Skipped::file)
                .containsExactly(folder.resolve("broken.json"), folder.resolve("empty-object.json"), folder.resolve("run.json"));
        assertThat(summary.skipped().get(1).reason()).isEqualTo("not a perf result: no adapter, scenario or latency_ms");
        assertThat(summary.skipped().get(2).reason()).isEqualTo("not a perf result: unknown field \"run_id\"");
        assertThat(summary.written()).hasSize(4);
    }

    @Test
    void aFolderWithoutPerfResultsGetsNoSummary() throws IOException {
        Files.writeString(folder.resolve("broken.json"), "[");

        PerfCharts.Summary summary = PerfCharts.writeSummary(folder);

        assertThat(summary.results()).isZero();
        assertThat(summary.written()).isEmpty();
        assertThat(summary.skipped()).hasSize(1);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(folder.resolve("broken.json"));
        }
    }

    @Test
    void theRunChartIsWrittenAsPngAndSvg() throws IOException {
        List<Path> written = PerfCharts.writeRun(result("random", "single-stream", 1), folder.resolve("random-run"));

        assertThat(written).containsExactly(folder.resolve("random-run.png"), folder.resolve("random-run.svg"));
        written.forEach(PerfChartsTest::assertChartFile);
    }

    @Test
    void theRunChartPlotsTheDistributionBelow100AndTheMaxAsALine() {
        XYChart chart = PerfCharts.runChart(result("random", "single-stream", 1));

        assertThat(chart.getTitle()).isEqualTo("random single-stream, batch 1, cpu: 1234 items/s, cold start 56.5 ms");
        assertThat(chart.getSeriesMap()).containsOnlyKeys("latency", "max 4 ms");
        XYSeries latency = chart.getSeriesMap().get("latency");
        int points = PerfResult.DISTRIBUTION_PERCENTILES.size() - 1;
        assertThat(latency.getXData()).hasSize(points);
        assertThat(latency.getXData()[2]).isEqualTo(PerfCharts.percentileAxis(50));
        assertThat(latency.getYData()[2]).isEqualTo(2.0);
        assertThat(latency.getYData()[points - 1]).isEqualTo(1 + 99.999 / 50);
        assertThat(chart.getSeriesMap().get("max 4 ms").getYData()).containsExactly(4.0, 4.0);
    }

    @Test
    void aResultWithoutDistributionHasNoRunChart() {
        PerfResult old = result("random", "single-stream", 1);
        PerfResult withoutDistribution = new PerfResult(old.adapter(), old.scenario(), old.device(), old.batch(),
                old.sampleItems(), old.manifestSha256(), old.coldStartMs(), old.warmupSeconds(), old.durationSeconds(),
                old.queries(), old.items(), old.itemsPerSecond(), old.latencyMs(), null, null, old.provenance());

        assertThatThrownBy(() -> PerfCharts.writeRun(withoutDistribution, folder.resolve("old")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no latency_distribution");
    }

    @Test
    void thePercentileAxisIsLabelledAtWholeDecades() {
        assertThat(PerfCharts.percentileAxis(0)).isEqualTo(0.0);
        assertThat(PerfCharts.percentileAxis(90)).isCloseTo(1.0, offset(1e-12));
        assertThat(PerfCharts.percentileAxis(99.9)).isCloseTo(3.0, offset(1e-9));
        assertThat(PerfCharts.percentileLabel(0)).isEqualTo("0%");
        assertThat(PerfCharts.percentileLabel(1)).isEqualTo("90%");
        assertThat(PerfCharts.percentileLabel(2)).isEqualTo("99%");
        assertThat(PerfCharts.percentileLabel(3)).isEqualTo("99.9%");
        assertThat(PerfCharts.percentileLabel(5)).isEqualTo("99.999%");
        assertThat(PerfCharts.percentileLabel(1.5)).isBlank();
    }

    /** A result of a cpu run: 1234 items/s, latency 1 ms at p50 rising to 4 ms at the max. */
    private static PerfResult result(String adapter, String scenario, int batch) {
        List<PerfResult.LatencyPoint> distribution = PerfResult.DISTRIBUTION_PERCENTILES.stream()
                .map(p -> new PerfResult.LatencyPoint(p, p == 100 ? 4.0 : 1 + p / 50)).toList();
        return new PerfResult(new RunResult.Adapter(adapter, "1", "TEXT", "PROBABILITIES", null, null, null, null, null, null),
                scenario, "cpu", batch, 40, "ab".repeat(32), 56.5, 0.1, 0.3, 1000, 1000L * batch, 1234,
                new PerfResult.Latency(2.0, 2.8, 2.98, 4.0, 2.1), distribution, null, Provenance.ofThisMachine());
    }

    private static void assertChartFile(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (file.toString().endsWith(".png")) {
                assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).as(file.toString()).isEqualTo(PNG_SIGNATURE);
            } else {
                assertThat(new String(bytes, StandardCharsets.UTF_8)).as(file.toString()).contains("<svg", "</svg>");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
