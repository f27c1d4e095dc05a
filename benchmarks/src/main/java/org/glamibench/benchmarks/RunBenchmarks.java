package org.glamibench.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.glamibench.benchmarks.report.BenchmarkReport;
import org.glamibench.benchmarks.report.JmhResult;
import org.glamibench.run.Provenance;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What {@code mvn verify -Pbenchmark} runs: {@code RunBenchmarks OUT_DIR [JMH options...]} runs
 * the benchmarks with the given JMH command-line options, writes JMH's JSON to
 * {@code OUT_DIR/jmh.json}, then the report (summary.md and charts) beside it.
 */
public final class RunBenchmarks {
    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: RunBenchmarks OUT_DIR [JMH options...]");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        Path json = out.resolve("jmh.json");
        CommandLineOptions jmh = new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
        new Runner(new OptionsBuilder().parent(jmh).resultFormat(ResultFormatType.JSON).result(json.toString()).build())
                .run();
        for (Path file : BenchmarkReport.write(JmhResult.read(json), out, Provenance.ofThisMachine())) {
            System.out.println("wrote " + file);
        }
    }
}
