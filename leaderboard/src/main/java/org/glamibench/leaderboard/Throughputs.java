package org.glamibench.leaderboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.glamibench.files.JsonFiles;
import org.glamibench.run.RunResult;
import org.glamibench.run.ThroughputMeasurement;

/**
 * Measured inference throughput of adapters, from {@code results/benchmarks/*.json} and the
 * {@code results/benchmarks/<run>/throughput.json} that {@code mvn verify -Pbenchmark} writes: each
 * file holds one record or an array of records
 * {@code {"adapter", "adapter_version", "device", "batch", "items_per_second", "created"}}
 * (device as in run.json, e.g. {@code cpu}; created ISO-8601). The board shows the throughput at
 * {@value #BOARD_BATCH} items per batch of a run's adapter and version, preferring a measurement
 * on the run's device, then the latest. Immutable.
 */
public final class Throughputs {
    /** The batch size the board reports throughput at. */
    public static final int BOARD_BATCH = 32;

    private final List<ThroughputMeasurement> measurements;

    /** @param measurements the measurements known */
    public Throughputs(List<ThroughputMeasurement> measurements) {
        this.measurements = List.copyOf(measurements);
    }

    /** None measured. */
    public static Throughputs none() {
        return new Throughputs(List.of());
    }

    /**
     * Reads every {@code *.json} file of a folder and every {@value ThroughputMeasurement#FILE} of its
     * sub-folders; none when the folder does not exist.
     *
     * @throws IllegalArgumentException naming the file, when one is not a list of measurements
     * @throws IOException              when the folder cannot be listed or a file read
     */
    public static Throughputs read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return none();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.map(f -> Files.isDirectory(f) ? f.resolve(ThroughputMeasurement.FILE) : f)
                    .filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
        }
        List<ThroughputMeasurement> all = new ArrayList<>();
        for (Path file : files) {
            String name = folder.getParent() == null ? file.toString() : folder.getParent().relativize(file).toString();
            JsonNode json;
            try {
                json = JsonFiles.MAPPER.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(name + ": not JSON: " + e.getOriginalMessage(), e);
            }
            for (JsonNode node : json.isArray() ? json : List.of(json)) {
                ThroughputMeasurement t;
                try {
                    t = JsonFiles.MAPPER.treeToValue(node, ThroughputMeasurement.class);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(name + ": not a throughput measurement: " + e.getOriginalMessage(), e);
                }
                if (t.adapter() == null || t.adapterVersion() == null || t.device() == null || t.batch() < 1
                        || !(t.itemsPerSecond() > 0)) {
                    throw new IllegalArgumentException(name + ": a measurement needs adapter, adapter_version, device, batch >= 1 and "
                            + "items_per_second > 0: " + node);
                }
                all.add(t);
            }
        }
        return new Throughputs(all);
    }

    /** The throughput at {@value #BOARD_BATCH} of a run's adapter and version, if measured. */
    public Optional<ThroughputMeasurement> atBoardBatch(RunResult run) {
        String device = run.settings().device();
        return measurements.stream()
                .filter(t -> t.batch() == BOARD_BATCH && t.adapter().equals(run.adapter().name())
                        && t.adapterVersion().equals(run.adapter().version()))
                .max(Comparator.comparing((ThroughputMeasurement t) -> t.device().equals(device))
                        .thenComparing(t -> t.created() == null ? "" : t.created()));
    }
}
