package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.cli.EvalCli.evalOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glamibench.cli.CommandRun;
import org.glamibench.files.JsonFiles;
import org.glamibench.perf.PerfResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.glamibench.eval.TestDataset;

class PerfCommandTest {
    @TempDir
    static Path shared;
    static Path data;

    @BeforeAll
    static void scoreRandom() {
        data = TestDataset.write(shared, TestDataset.items(40));
        evalOk(data, shared.resolve("runs"), "--adapter", "random", "--run-id", "random");
        evalOk(data, shared.resolve("runs"), "--adapter", "prior", "--run-id", "prior");
    }

    @Test
    void singleStreamMeasuresAndChecksAgainstTheAccuracyRun() throws IOException {
        CommandRun run = perf("--adapter", "random", "--accuracy-run", shared.resolve("runs/random").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("random single-stream on cpu, batch 1:",
                "accuracy check against random: 40 of 40 sample items have the stored top-1");
        JsonNode json = onlyResult("random-single-stream-");
        assertThat(json.get("batch").asInt()).isEqualTo(1);
        assertThat(json.get("sample_items").asInt()).isEqualTo(40);
        assertThat(json.get("items").asLong()).isEqualTo(json.get("queries").asLong()).isPositive();
        JsonNode latency = json.get("latency_ms");
        assertThat(latency.get("p50").asDouble()).isLessThanOrEqualTo(latency.get("p90").asDouble());
        assertThat(latency.get("p99").asDouble()).isLessThanOrEqualTo(latency.get("max").asDouble());
        assertThat(json.get("accuracy_check").get("matching").asInt()).isEqualTo(40);
    }

    @Test
    void theLatencyDistributionHoldsTheReportedPercentilesExactly() throws IOException {
        assertThat(perf("--adapter", "random", "--scenario", "offline", "--batch", "4").exitCode()).isZero();

        JsonNode json = onlyResult("random-offline-");
        JsonNode latency = json.get("latency_ms");
        Map<Double, Double> points = new LinkedHashMap<>();
        json.get("latency_distribution").forEach(point ->
                points.put(point.get("percentile").asDouble(), point.get("latency_ms").asDouble()));
        assertThat(points.keySet()).containsExactlyElementsOf(PerfResult.DISTRIBUTION_PERCENTILES);
        assertThat(points.get(50.0)).isEqualTo(latency.get("p50").asDouble());
        assertThat(points.get(90.0)).isEqualTo(latency.get("p90").asDouble());
        assertThat(points.get(99.0)).isEqualTo(latency.get("p99").asDouble());
        assertThat(points.get(100.0)).isEqualTo(latency.get("max").asDouble());
        assertThat(List.copyOf(points.values())).isSorted();
    }

    @Test
    void aRunWritesItsChartAndTheSummaryBesideItsJson() throws IOException {
        Path out = shared.resolve("charted");

        CommandRun run = perf(out, "--adapter", "prior");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path json = onlyFile(out, "prior-single-stream-", ".json");
        String stem = json.getFileName().toString().replace(".json", "");
        assertThat(run.out()).contains("result written to " + json,
                "latency chart written to " + out.resolve(stem + ".png") + ", " + out.resolve(stem + ".svg"),
                "summary of 1 perf result written to " + out.resolve("perf-summary.png") + ", "
                        + out.resolve("perf-summary.svg") + ", " + out.resolve("perf-summary-throughput.png") + ", "
                        + out.resolve("perf-summary-throughput.svg"));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(stem + ".json",
                    stem + ".png", stem + ".svg", "perf-summary.png", "perf-summary.svg", "perf-summary-throughput.png",
                    "perf-summary-throughput.svg");
        }
        assertThat(Files.size(out.resolve(stem + ".png"))).isPositive();
    }

    @Test
    void aMalformedJsonInTheFolderIsLeftOutOfTheSummaryWithAWarning() throws IOException {
        Path out = Files.createDirectories(shared.resolve("with-broken"));
        Files.writeString(out.resolve("broken.json"), "{\"adapter\": ");

        CommandRun run = perf(out, "--adapter", "random");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: " + out.resolve("broken.json") + " left out of the summary: ");
        assertThat(run.out()).contains("summary of 1 perf result written to");
        assertThat(JsonFiles.MAPPER.readTree(onlyFile(out, "random-single-stream-", ".json").toFile())
                .get("latency_ms").get("p50").asDouble()).isPositive();
        assertThat(out.resolve("perf-summary.png")).isRegularFile();
    }

    @Test
    void offlineCountsItemsInBatches() throws IOException {
        CommandRun run = perf("--adapter", "prior", "--scenario", "offline", "--batch", "8");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = onlyResult("prior-offline-");
        assertThat(json.get("items").asLong()).isEqualTo(8 * json.get("queries").asLong());
        assertThat(json.get("accuracy_check").isNull()).isTrue();
    }

    @Test
    void anAccuracyRunOfAnotherAdapterIsRefused() {
        CommandRun run = perf("--adapter", "random", "--accuracy-run", shared.resolve("runs/prior").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is a run of adapter prior, not random");
    }

    @Test
    void anUnknownScenarioIsBadUsage() {
        assertThat(perf("--adapter", "random", "--scenario", "server").exitCode()).isEqualTo(2);
    }

    private static CommandRun perf(String... args) {
        return perf(shared.resolve("perf"), args);
    }

    private static CommandRun perf(Path out, String... args) {
        String[] common = {"perf", "--data", data.toString(), "--duration", "0.3", "--warmup", "0.1", "--out",
            out.toString()};
        return CommandRun.of(Stream.concat(Stream.of(common), Stream.of(args)).toArray(String[]::new));
    }

    private static JsonNode onlyResult(String prefix) throws IOException {
        return JsonFiles.MAPPER.readTree(onlyFile(shared.resolve("perf"), prefix, ".json").toFile());
    }

    /** The one file of the folder named {@code prefix...suffix}. */
    private static Path onlyFile(Path folder, String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> matching = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(suffix)).toList();
            assertThat(matching).hasSize(1);
            return matching.get(0);
        }
    }
}
