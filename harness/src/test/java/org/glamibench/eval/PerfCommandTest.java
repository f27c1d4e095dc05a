package org.glamibench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.eval.EvalCli.evalOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glamibench.cli.CommandRun;
import org.glamibench.perf.PerfResult;
import org.glamibench.run.RunFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        String[] common = {"perf", "--data", data.toString(), "--duration", "0.3", "--warmup", "0.1", "--out",
            shared.resolve("perf").toString()};
        return CommandRun.of(Stream.concat(Stream.of(common), Stream.of(args)).toArray(String[]::new));
    }

    private static JsonNode onlyResult(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(shared.resolve("perf"))) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return RunFiles.MAPPER.readTree(file.toFile());
        }
    }
}
