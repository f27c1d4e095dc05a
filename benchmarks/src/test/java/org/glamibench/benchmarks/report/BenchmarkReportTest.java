package org.glamibench.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.glamibench.run.GpuInfo;
import org.glamibench.run.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report on a real JMH 1.37 result (raw samples removed): AdapterForwardBenchmark for prior
 * and text at batch 1 and 8 in throughput and sample mode, two stages, ExportedModelBenchmark in
 * average time, and EvaluatorBenchmark (single shot). Expected numbers were computed from the JSON
 * in Python, not by the code under test.
 */
class BenchmarkReportTest {
    private static final Machine MACHINE = new Machine(new Provenance("1", null, "JDK 17", "Linux", "Test CPU", 2,
            1L << 30, null, null, null, null, null), 24L << 30, List.of("PyTorch 2.7.1", "OnnxRuntime 1.21.1"), "cpu", List.of());

    @TempDir
    Path dir;

    private Path fixture() throws IOException {
        Path json = dir.resolve("jmh.json");
        try (var in = getClass().getResourceAsStream("/jmh-sample.json")) {
            Files.copy(in, json, StandardCopyOption.REPLACE_EXISTING);
        }
        return json;
    }

    @Test
    void readsScoresErrorsUnitsGroupsAndPercentilesAsInTheJson() throws IOException {
        List<JmhResult> results = JmhResult.read(fixture());
        JsonNode json = new ObjectMapper().readTree(fixture().toFile());

        assertThat(results).hasSize(13);
        JmhResult text8 = results.get(3);
        assertThat(text8.benchmark()).isEqualTo("AdapterForwardBenchmark.throughput");
        assertThat(text8.group()).isEqualTo("adapter");
        assertThat(text8.mode()).isEqualTo("thrpt");
        assertThat(text8.params()).containsExactly(java.util.Map.entry("adapter", "text"), java.util.Map.entry("batch", "8"));
        assertThat(text8.score()).isEqualTo(json.get(3).get("primaryMetric").get("score").asDouble());
        assertThat(text8.error()).isEqualTo(json.get(3).get("primaryMetric").get("scoreError").asDouble());
        assertThat(text8.unit()).isEqualTo("ops/s");
        assertThat(results.get(4).group()).isEqualTo("stage");
        assertThat(results.get(12).group()).isEqualTo("benchmarks");
        JmhResult sample = results.get(10);
        assertThat(sample.label()).isEqualTo("AdapterForwardBenchmark.latency [adapter=text, batch=1]");
        assertThat(sample.percentiles().get(50.0)).isEqualTo(json.get(10).get("primaryMetric").get("scorePercentiles")
                .get("50.0").asDouble());
    }

    @Test
    void convertsAdapterAndStageScoresToItemsPerSecond() throws IOException {
        List<JmhResult> results = JmhResult.read(fixture());

        // 1967.2612589505704 predict calls/s of 8 items.
        assertThat(results.get(3).itemsPerSecond()).isCloseTo(15738.090071604563, within(1e-9));
        assertThat(results.get(3).itemsPerSecondError()).isCloseTo(135478.1925776941, within(1e-7));
        // 1.87565014309918 ms per call of 8 items; the error keeps its relative size.
        assertThat(results.get(7).itemsPerSecond()).isCloseTo(4265.187742731923, within(1e-9));
        assertThat(results.get(7).itemsPerSecondError()).isCloseTo(6499.566483752356, within(1e-9));
        // A stage: operations are items.
        assertThat(results.get(5).itemsPerSecond()).isEqualTo(92615.3790269348);
        // Not a stage or an adapter: the items of one operation are unknown.
        assertThat(results.get(12).itemsPerSecond()).isNaN();
    }

    @Test
    void writesTheSummaryWithTheJsonsNumbersAndTheCharts() throws IOException {
        List<Path> written = BenchmarkReport.write(JmhResult.read(fixture()), dir.resolve("report"), MACHINE);

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("summary.md",
                "adapter-throughput.png", "adapter-throughput.svg", "adapter-latency.png", "adapter-latency.svg",
                "stages.png", "stages.svg");
        for (Path file : written) {
            assertThat(Files.size(file)).as(file.toString()).isGreaterThan(1000);
        }
        byte[] png = Files.readAllBytes(dir.resolve("report/stages.png"));
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(Files.readString(dir.resolve("report/adapter-latency.svg"))).contains("<svg");
        String summary = Files.readString(dir.resolve("report/summary.md"));
        assertThat(summary).contains(
                "- CPU: Test CPU, 2 cores; memory 24 GiB; JVM max heap 1024 MiB",
                "- Engines: PyTorch 2.7.1, OnnxRuntime 1.21.1",
                "- Device: cpu; GPUs: none found (nvidia-smi)",
                "| AdapterForwardBenchmark [adapter=prior] | 1 | 8163000 | ± 91100000 | 0.00005 | 0.0001 | 0.003578 | ms/op |",
                "| AdapterForwardBenchmark [adapter=text] | 1 | 5112 | ± 12930 | 0.09203 | 0.153 | 4.342 | ms/op |",
                "| AdapterForwardBenchmark [adapter=text] | 8 | 15740 | ± 135500 | 0.2842 | 0.6027 | 4.121 | ms/op |",
                "| ExportedModelBenchmark [engine=onnx, model=mobilenet_v2, threads=1] | 8 | 4265 | ± 6500 | n/a | n/a | n/a |  |",
                "| MetricsBenchmark.fromStoredTopClasses | 1863000 | ± 5379000 | 0.5367 |",
                "| TextFeaturisationBenchmark.hashedWords | 92620 | ± 693200 | 10.8 |",
                "| EvaluatorBenchmark.evaluate [threads=1] | ss | 2531 | ± 4408 | ms/op |");
        assertThat(summary).doesNotContain("EvaluatorBenchmark.evaluate [threads=1] | 0.3952");
    }

    @Test
    void namesTheGpusWhenThereAreSome() {
        Machine gpu = new Machine(MACHINE.provenance(), 0, List.of(), "gpu:0", List.of(new GpuInfo(0, "NVIDIA H200", 143771, "570.124.06", "12.8")));

        assertThat(BenchmarkReport.summary(List.of(), gpu)).contains("- CPU: Test CPU, 2 cores; memory unknown;",
                "- Engines: none", "- Device: gpu:0; GPUs: NVIDIA H200, 143771 MiB, driver 570.124.06, CUDA 12.8");
    }

    @Test
    void writesOnlyTheSummaryWhenNothingIsCharted() throws IOException {
        List<JmhResult> evaluatorOnly = JmhResult.read(fixture()).subList(12, 13);

        assertThat(BenchmarkReport.write(evaluatorOnly, dir.resolve("plain"), MACHINE))
                .extracting(p -> p.getFileName().toString()).containsExactly("summary.md");
    }

    @Test
    void refusesAFileThatIsNotJmhJson() throws IOException {
        Path notJmh = Files.writeString(dir.resolve("other.json"), "{\"benchmark\": 1}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JmhResult.read(notJmh))
                .isInstanceOf(IOException.class).hasMessageContaining("other.json: not a JMH JSON result");
    }
}
