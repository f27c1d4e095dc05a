package org.glamibench.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark result of a JMH JSON file ({@code -rf json}).
 *
 * @param benchmark   the method, as {@code Class.method} without the package
 * @param group       the last segment of the class's package: {@code stage} for the stage
 *                    benchmarks (one operation is one item), {@code adapter} for forward passes
 *                    (one operation is a predict call of {@code batch} items)
 * @param mode        JMH's mode label: thrpt, avgt, sample or ss
 * @param params      the {@code @Param} values, in file order
 * @param score       the primary metric's score
 * @param error       its half-width at 99.9% confidence as JMH reports it; NaN when JMH gives none
 * @param unit        the score's unit, e.g. {@code ops/s}
 * @param percentiles percentile (0..100) to value, for sample mode; empty otherwise
 */
public record JmhResult(String benchmark, String group, String mode, Map<String, String> params, double score,
                        double error, String unit, Map<Double, Double> percentiles) {

    /** The parameter giving the items of one operation in the {@code adapter} group. */
    public static final String BATCH = "batch";
    /** The group of stage benchmarks. */
    public static final String STAGE = "stage";
    /** The group of adapter forward-pass benchmarks. */
    public static final String ADAPTER = "adapter";

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
            String[] parts = full.split("\\.", -1);
            String name = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : full;
            String group = parts.length >= 3 ? parts[parts.length - 3] : "";
            Map<String, String> params = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> param : node.path("params").properties()) {
                params.put(param.getKey(), param.getValue().asText());
            }
            JsonNode metric = node.path("primaryMetric");
            Map<Double, Double> percentiles = new LinkedHashMap<>();
            if ("sample".equals(node.path("mode").asText())) {
                for (Map.Entry<String, JsonNode> p : metric.path("scorePercentiles").properties()) {
                    percentiles.put(Double.parseDouble(p.getKey()), p.getValue().asDouble());
                }
            }
            JsonNode error = metric.path("scoreError");
            results.add(new JmhResult(name, group, node.path("mode").asText(), params, metric.path("score").asDouble(),
                    error.isNumber() ? error.asDouble() : Double.NaN, metric.path("scoreUnit").asText(), percentiles));
        }
        return results;
    }

    /** The benchmark with its parameters, e.g. {@code EvaluatorBenchmark.evaluate [threads=2]}. */
    public String label() {
        return label(params);
    }

    /** The benchmark with its parameters except {@code batch}. */
    public String labelWithoutBatch() {
        Map<String, String> others = new LinkedHashMap<>(params);
        others.remove(BATCH);
        return label(others);
    }

    private String label(Map<String, String> shown) {
        if (shown.isEmpty()) {
            return benchmark;
        }
        StringBuilder label = new StringBuilder(benchmark).append(" [");
        shown.forEach((k, v) -> label.append(label.charAt(label.length() - 1) == '[' ? "" : ", ").append(k).append('=').append(v));
        return label.append(']').toString();
    }

    /** The {@code batch} parameter; 1 without one. */
    public int batch() {
        return Integer.parseInt(params.getOrDefault(BATCH, "1"));
    }

    /**
     * Items per second, for the {@code stage} and {@code adapter} groups (an operation is one item,
     * or {@code batch} items); NaN for other groups and for units other than operations per time
     * or time per operation.
     */
    public double itemsPerSecond() {
        return itemsPerSecond(score);
    }

    /**
     * The error of {@link #itemsPerSecond()}: converted exactly for operations per time; for time
     * per operation, the same relative error (first order). NaN when either is unknown.
     */
    public double itemsPerSecondError() {
        if (unit.startsWith("ops/")) {
            return itemsPerSecond(error);
        }
        return itemsPerSecond() * error / score;
    }

    private double itemsPerSecond(double value) {
        if (!STAGE.equals(group) && !ADAPTER.equals(group)) {
            return Double.NaN;
        }
        String[] parts = unit.split("/", -1);
        if (parts.length != 2) {
            return Double.NaN;
        }
        if (parts[0].equals("ops")) {
            return value * batch() / seconds(parts[1]);
        }
        if (parts[1].equals("op")) {
            return batch() / (value * seconds(parts[0]));
        }
        return Double.NaN;
    }

    /** Seconds in one of JMH's time units; NaN for another. */
    private static double seconds(String unit) {
        return switch (unit) {
            case "min" -> 60;
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "us" -> 1e-6;
            case "ns" -> 1e-9;
            default -> Double.NaN;
        };
    }
}
