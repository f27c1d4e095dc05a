package org.glamibench.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark result of a JMH JSON file ({@code -rf json}).
 *
 * @param benchmark   the method, as {@code Class.method} without the package
 * @param mode        JMH's mode label: thrpt, avgt, sample or ss
 * @param params      the {@code @Param} values, in file order
 * @param score       the primary metric's score
 * @param error       its half-width at 99.9% confidence as JMH reports it; NaN when JMH gives none
 * @param unit        the score's unit, e.g. {@code ops/s}
 * @param percentiles percentile (0..100) to value, for sample mode; empty otherwise
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double error,
                        String unit, Map<Double, Double> percentiles) {

    /**
     * Reads every result of a JMH JSON file.
     *
     * @throws IOException when the file cannot be read or is not JMH's JSON
     */
    public static List<JmhResult> read(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        if (!root.isArray()) {
            throw new IOException(json + ": not a JMH JSON result (expected an array)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode node : root) {
            String full = node.path("benchmark").asText();
            String[] parts = full.split("\\.");
            String name = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : full;
            Map<String, String> params = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> param = it.next();
                params.put(param.getKey(), param.getValue().asText());
            }
            JsonNode metric = node.path("primaryMetric");
            Map<Double, Double> percentiles = new LinkedHashMap<>();
            if ("sample".equals(node.path("mode").asText())) {
                for (Iterator<Map.Entry<String, JsonNode>> it = metric.path("scorePercentiles").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    percentiles.put(Double.parseDouble(p.getKey()), p.getValue().asDouble());
                }
            }
            JsonNode error = metric.path("scoreError");
            results.add(new JmhResult(name, node.path("mode").asText(), params, metric.path("score").asDouble(),
                    error.isNumber() ? error.asDouble() : Double.NaN, metric.path("scoreUnit").asText(), percentiles));
        }
        return results;
    }

    /** The benchmark with its parameters, e.g. {@code EvaluatorBenchmark.evaluate [threads=2]}. */
    public String label() {
        if (params.isEmpty()) {
            return benchmark;
        }
        StringBuilder label = new StringBuilder(benchmark).append(" [");
        params.forEach((k, v) -> label.append(label.charAt(label.length() - 1) == '[' ? "" : ", ").append(k).append('=').append(v));
        return label.append(']').toString();
    }
}
