package org.glamibench.benchmarks;

import org.glamibench.benchmarks.setup.BenchmarkSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.files.JsonFiles;
import org.glamibench.registry.AdapterRegistry;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.benchmarks.adapter.AdapterForwardBenchmark;
import org.glamibench.benchmarks.report.BenchmarkReport;
import org.glamibench.benchmarks.report.JmhResult;
import org.glamibench.benchmarks.report.Machine;
import org.glamibench.models.ModelDevices;
import org.glamibench.run.GpuInfo;
import org.glamibench.run.ThroughputMeasurement;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What {@code mvn verify -Pbenchmark} runs: {@code RunBenchmarks OUT_DIR [JMH options...]} checks
 * the device of {@link BenchmarkSettings#device()}, runs the benchmarks with the given JMH
 * command-line options and the adapters of {@link BenchmarkSettings#adapters()}, writes JMH's JSON
 * to {@code OUT_DIR/jmh.json}, then the report (summary.md and charts) beside it, and the adapters'
 * forward-pass throughputs for the leaderboard ({@code throughput.json}). Exit 2 when a GPU is
 * asked for and there is none (no fallback to the CPU).
 */
public final class RunBenchmarks {
    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: RunBenchmarks OUT_DIR [JMH options...]");
            System.exit(2);
        }
        DeviceSpec device;
        try {
            device = BenchmarkSettings.device();
            checkDevice(device);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmarks not run: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        Path json = out.resolve("jmh.json");
        CommandLineOptions jmh = new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
        ChainedOptionsBuilder options = new OptionsBuilder().parent(jmh).resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        List<String> adapters = BenchmarkSettings.adapters();
        if (!adapters.isEmpty()) {
            options.param("adapter", adapters.toArray(String[]::new));
        }
        new Runner(options.build()).run();
        List<JmhResult> results = JmhResult.read(json);
        for (Path file : BenchmarkReport.write(results, out, Machine.ofThisMachine(device.toString()))) {
            System.out.println("wrote " + file);
        }
        List<ThroughputMeasurement> measured = throughputs(results, device, Instant.now().toString());
        if (!measured.isEmpty()) {
            Path file = out.resolve(ThroughputMeasurement.FILE);
            JsonFiles.write(file, measured);
            System.out.println("wrote " + file);
        }
    }

    /**
     * The forward-pass throughputs of {@link AdapterForwardBenchmark} as the leaderboard reads them,
     * each adapter named and versioned as its descriptor says for the options it was measured with.
     */
    static List<ThroughputMeasurement> throughputs(List<JmhResult> results, DeviceSpec device, String created)
            throws IOException, InterruptedException {
        List<ThroughputMeasurement> measured = new ArrayList<>();
        Map<String, AdapterDescriptor> described = new HashMap<>();
        try (AdapterRegistry registry = AdapterRegistry.load(BenchmarkSettings.adapterJars())) {
            for (JmhResult r : results) {
                if (!r.benchmark().equals(AdapterForwardBenchmark.class.getSimpleName() + ".throughput")) {
                    continue;
                }
                String adapter = r.params().get("adapter");
                AdapterDescriptor d = described.get(adapter);
                if (d == null) {
                    d = registry.resolve(adapter, AdapterForwardBenchmark.options(adapter)).entry().descriptor();
                    described.put(adapter, d);
                }
                measured.add(new ThroughputMeasurement(d.name(), d.version(), device.toString(), r.batch(),
                        r.itemsPerSecond(), created));
            }
        }
        return measured;
    }

    /**
     * Checks that a GPU asked for is there, for {@code nvidia-smi} and for the engine.
     *
     * @throws IllegalArgumentException saying why not
     */
    static void checkDevice(DeviceSpec device) {
        if (!device.gpu()) {
            return;
        }
        if (GpuInfo.all().isEmpty()) {
            throw new IllegalArgumentException("-Djmh.device=" + device + ": there is no GPU here (nvidia-smi is absent "
                    + "or lists none), and the benchmarks never fall back to the CPU; use -Djmh.device=cpu");
        }
        ModelDevices.select(device);
    }
}
