package org.glamibench.run;

/**
 * One measured inference throughput of an adapter, as written to
 * {@code results/benchmarks/<date-time>/throughput.json} by the benchmarks (a JSON array of these,
 * snake_case through {@link org.glamibench.files.JsonFiles#MAPPER}) and read by the leaderboard.
 *
 * @param adapter        adapter name
 * @param adapterVersion adapter version
 * @param device         {@code cpu} or {@code gpu:N}, as in run.json
 * @param batch          items per predict call
 * @param itemsPerSecond measured throughput of the forward pass
 * @param created        when it was measured, ISO-8601; may be null
 */
public record ThroughputMeasurement(String adapter, String adapterVersion, String device, int batch,
                                    double itemsPerSecond, String created) {
    /** The file name the benchmarks write measurements to, in their run folder. */
    public static final String FILE = "throughput.json";
}
