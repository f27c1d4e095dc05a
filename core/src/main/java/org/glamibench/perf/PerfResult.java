package org.glamibench.perf;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.glamibench.files.JsonFiles;
import org.glamibench.run.Provenance;
import org.glamibench.run.RunResult;

/**
 * The result of a performance run, written as JSON.
 *
 * @param adapter             the adapter as in run.json
 * @param scenario            {@code single-stream} or {@code offline}
 * @param device              the device asked for
 * @param batch               items per predict call (1 in single-stream)
 * @param sampleItems         distinct test items cycled through
 * @param manifestSha256      the test split's manifest hash
 * @param coldStartMs         open plus the first prediction, measured on its own
 * @param warmupSeconds       untimed warm-up
 * @param durationSeconds     timed duration
 * @param queries             timed predict calls
 * @param items               timed items
 * @param itemsPerSecond      items / duration
 * @param latencyMs           latency percentiles of one query (item in single-stream, batch in offline)
 * @param latencyDistribution the same query latency at each of {@link #DISTRIBUTION_PERCENTILES}, in that
 *                            order, from the same histogram: its points at 50, 90 and 99 equal
 *                            {@code latencyMs}' p50, p90 and p99, its point at 100 the max; null in results
 *                            written before it existed
 * @param accuracyCheck       the comparison with an accuracy run's stored predictions; null without one
 * @param provenance          the machine
 */
public record PerfResult(RunResult.Adapter adapter, String scenario, String device, int batch, int sampleItems,
                         String manifestSha256, double coldStartMs, double warmupSeconds, double durationSeconds,
                         long queries, long items, double itemsPerSecond, Latency latencyMs,
                         List<LatencyPoint> latencyDistribution, AccuracyCheck accuracyCheck, Provenance provenance) {
    /** The percentiles of {@link #latencyDistribution}, ascending. */
    public static final List<Double> DISTRIBUTION_PERCENTILES =
            List.of(0.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 99.5, 99.9, 99.95, 99.99, 99.999, 100.0);

    /**
     * Reads a perf result JSON file.
     *
     * @throws IOException when the file cannot be read, is not JSON, or is not a perf result (a
     *                     field it does not know, or no adapter, scenario or latency)
     */
    public static PerfResult read(Path file) throws IOException {
        PerfResult result;
        try {
            result = JsonFiles.MAPPER.readValue(file.toFile(), PerfResult.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IOException("not a perf result: unknown field \"" + e.getPropertyName() + "\"", e);
        }
        if (result == null || result.adapter() == null || result.scenario() == null || result.latencyMs() == null) {
            throw new IOException("not a perf result: no adapter, scenario or latency_ms");
        }
        return result;
    }

    /**
     * Latency percentiles in milliseconds, from an HdrHistogram with 3 significant digits.
     *
     * @param p50  median
     * @param p90  90th percentile
     * @param p99  99th percentile
     * @param max  maximum
     * @param mean mean
     */
    public record Latency(double p50, double p90, double p99, double max, double mean) {
    }

    /**
     * One point of the latency distribution.
     *
     * @param percentile the percentile, 0 to 100
     * @param latencyMs  the latency of one query at that percentile, in milliseconds
     */
    public record LatencyPoint(double percentile, double latencyMs) {
    }

    /**
     * Whether the model measured is the model scored: the perf run's top-1 for sample items
     * against the accuracy run's stored top-1.
     *
     * @param run        the accuracy run's id
     * @param checked    sample items found in the accuracy run
     * @param matching   of those, items with the same top-1 category
     * @param mismatches up to 10 item ids that differ
     */
    public record AccuracyCheck(String run, int checked, int matching, List<Long> mismatches) {
        /** Whether every checked item matched and at least one was checked. */
        public boolean passed() {
            return checked > 0 && matching == checked;
        }
    }
}
