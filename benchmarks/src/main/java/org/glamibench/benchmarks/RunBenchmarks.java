package org.glamibench.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.benchmarks.report.BenchmarkReport;
import org.glamibench.benchmarks.report.JmhResult;
import org.glamibench.benchmarks.report.Machine;
import org.glamibench.models.ModelDevices;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What {@code mvn verify -Pbenchmark} runs: {@code RunBenchmarks OUT_DIR [JMH options...]} checks
 * the device of {@link BenchmarkSettings#device()}, runs the benchmarks with the given JMH
 * command-line options, writes JMH's JSON to {@code OUT_DIR/jmh.json}, then the report (summary.md
 * and charts) beside it. Exit 2 when a GPU is asked for and there is none (no fallback to the CPU).
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
        new Runner(new OptionsBuilder().parent(jmh).resultFormat(ResultFormatType.JSON).result(json.toString()).build())
                .run();
        for (Path file : BenchmarkReport.write(JmhResult.read(json), out, Machine.ofThisMachine(device.toString()))) {
            System.out.println("wrote " + file);
        }
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
        if (Machine.nvidiaGpus().isEmpty()) {
            throw new IllegalArgumentException("-Djmh.device=" + device + ": there is no GPU here (nvidia-smi is absent "
                    + "or lists none), and the benchmarks never fall back to the CPU; use -Djmh.device=cpu");
        }
        ModelDevices.select(device);
    }
}
