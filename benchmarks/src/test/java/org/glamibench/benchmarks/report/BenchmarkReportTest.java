package org.glamibench.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.glamibench.run.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkReportTest {
    private static final Provenance MACHINE = new Provenance("1", null, "JDK 17", "Linux", "Test CPU", 2, 1L << 30, null,
            null, null, null);

    @TempDir
    Path dir;

    /** A real JMH 1.37 result: ImageDecodeBenchmark.decode in throughput and sample mode. */
    private Path fixture() throws IOException {
        Path json = dir.resolve("jmh.json");
        try (var in = getClass().getResourceAsStream("/jmh-image-decode.json")) {
            Files.copy(in, json, StandardCopyOption.REPLACE_EXISTING);
        }
        return json;
    }

    @Test
    void readsScoresErrorsUnitsAndPercentilesAsInTheJson() throws IOException {
        List<JmhResult> results = JmhResult.read(fixture());

        assertThat(results).hasSize(2);
        JmhResult throughput = results.get(0);
        assertThat(throughput.benchmark()).isEqualTo("ImageDecodeBenchmark.decode");
        assertThat(throughput.mode()).isEqualTo("thrpt");
        assertThat(throughput.unit()).isEqualTo("ops/s");
        var json = new ObjectMapper().readTree(fixture().toFile());
        assertThat(throughput.score()).isEqualTo(json.get(0).get("primaryMetric").get("score").asDouble());
        // Two iterations: JMH writes the error as the string "NaN".
        assertThat(json.get(0).get("primaryMetric").get("scoreError").asText()).isEqualTo("NaN");
        assertThat(throughput.error()).isNaN();
        assertThat(results.get(1).error()).isEqualTo(json.get(1).get("primaryMetric").get("scoreError").asDouble());
        JmhResult sample = results.get(1);
        assertThat(sample.percentiles().get(50.0)).isEqualTo(0.0027852800000000002);
        assertThat(sample.percentiles().get(100.0)).isEqualTo(0.0030105600000000002);
    }

    @Test
    void writesTheSummaryWithTheJsonsNumbersAndTheCharts() throws IOException {
        List<JmhResult> results = JmhResult.read(fixture());
        List<Path> written = BenchmarkReport.write(results, dir.resolve("report"), MACHINE);

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("summary.md", "throughput.png", "throughput.svg", "latency.png", "latency.svg");
        for (Path file : written) {
            assertThat(Files.size(file)).as(file.toString()).isGreaterThan(100);
        }
        byte[] png = Files.readAllBytes(dir.resolve("report/throughput.png"));
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(Files.readString(dir.resolve("report/latency.svg"))).contains("<svg");
        String summary = Files.readString(dir.resolve("report/summary.md"));
        assertThat(summary).contains("Test CPU, 2 cores",
                "| ImageDecodeBenchmark.decode | thrpt | " + BenchmarkReport.number(results.get(0).score()) + " | n/a | ops/s |",
                "| ImageDecodeBenchmark.decode | sample | 0.002621 | ± 0.001524 | s/op |",
                "| ImageDecodeBenchmark.decode | 0.002785 | 0.003011 | 0.003011 | 0.003011 | s/op |");
    }

    @Test
    void drawsThroughputAgainstBatchSizeWhenThereIsABatchParameter() throws IOException {
        ArrayNode json = (ArrayNode) new ObjectMapper().readTree(fixture().toFile());
        ArrayNode batched = json.arrayNode();
        for (int batch : new int[] {1, 8, 32}) {
            ObjectNode copy = json.get(0).deepCopy();
            copy.putObject("params").put("batch", Integer.toString(batch));
            batched.add(copy);
        }
        Path file = dir.resolve("batched.json");
        new ObjectMapper().writeValue(file.toFile(), batched);

        List<Path> written = BenchmarkReport.write(JmhResult.read(file), dir.resolve("batched"), MACHINE);

        assertThat(written).extracting(p -> p.getFileName().toString()).contains("batch.png", "batch.svg");
        assertThat(Files.readString(dir.resolve("batched/summary.md"))).contains("ImageDecodeBenchmark.decode [batch=32]");
    }

    @Test
    void formatsToFourSignificantDigits() {
        assertThat(BenchmarkReport.number(1234.5678)).isEqualTo("1235");
        assertThat(BenchmarkReport.number(0.00278528)).isEqualTo("0.002785");
        assertThat(BenchmarkReport.number(Double.NaN)).isEqualTo("n/a");
    }
}
