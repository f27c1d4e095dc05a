package org.glamibench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glamibench.files.JsonFiles;
import org.glamibench.perf.PerfCharts;
import org.glamibench.perf.PerfResult;
import org.glamibench.perf.PerfRunner;
import org.glamibench.perf.PerfScenario;
import org.glamibench.registry.AdapterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glami-bench perf}: latency or throughput of one adapter, MLPerf-style scenarios. */
@Command(name = "perf", mixinStandardHelpOptions = true,
        description = {"Measures an adapter's speed on decoded test items: single-stream (one item at a time, "
                + "latency percentiles) or offline (batches as fast as possible, items/s). Warm-up is untimed; the "
                + "cold start (open + first prediction) is reported on its own.",
            "With --accuracy-run, the outputs for the sample are checked against that run's stored predictions, "
                + "so the speed belongs to the model that was scored.",
            "Beside the result JSON it writes a chart of its latency distribution (PNG and SVG), and redraws "
                + "perf-summary and perf-summary-throughput over every result JSON in the output folder."})
final class PerfCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOptions dataOptions;

    @Option(names = "--adapter", paramLabel = "NAME", required = true, description = "The adapter to measure.")
    private String adapter;

    @Option(names = "--adapter-jar", paramLabel = "JAR", description = "A jar of adapters (repeatable).")
    private List<Path> adapterJars = new ArrayList<>();

    @Option(names = "--adapter-option", paramLabel = "KEY=VALUE", description = "An option for the adapter (repeatable).")
    private Map<String, String> adapterOptions = new LinkedHashMap<>();

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "single-stream",
            description = "single-stream or offline (default: ${DEFAULT-VALUE}).")
    private String scenario;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "10", description = "Timed seconds (default: ${DEFAULT-VALUE}).")
    private double duration;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "3", description = "Untimed warm-up seconds (default: ${DEFAULT-VALUE}).")
    private double warmup;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Items per query in offline (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--items", paramLabel = "N", defaultValue = "256", description = "Test items to cycle over (default: ${DEFAULT-VALUE}).")
    private int items;

    @Mixin
    private DeviceOption deviceOption;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The adapters' seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--accuracy-run", paramLabel = "RUN_DIR", description = "An eval run of the same adapter to check the outputs against.")
    private Path accuracyRun;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/perf", description = "Where the result JSON and the charts go (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Mixin
    private CacheOption cacheOption;

    @Override
    public Integer call() throws Exception {
        PerfRunner.Settings settings = new PerfRunner.Settings(PerfScenario.of(scenario), batch, items, warmup, duration,
                deviceOption.device(), seed, accuracyRun);
        PerfResult result;
        try (AdapterRegistry registry = AdapterRegistry.load(adapterJars)) {
            AdapterRegistry.Resolved resolved = registry.resolve(adapter, adapterOptions);
            result = PerfRunner.run(dataOptions.layout(), resolved.entry(), settings,
                    cacheOption.folder(), resolved.options());
        }
        Files.createDirectories(out);
        String name = result.adapter().name().replace(':', '_') + "-" + result.scenario() + "-"
                + LocalDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = out.resolve(name + ".json");
        JsonFiles.write(file, result);
        PrintWriter printer = spec.commandLine().getOut();
        PerfResult.Latency l = result.latencyMs();
        printer.printf(Locale.ROOT, "%s %s on %s, batch %d: %.1f items/s; latency per query p50 %.3f ms, p90 %.3f, "
                        + "p99 %.3f, max %.3f; cold start %.1f ms (%d queries in %.1f s)%n", result.adapter().name(),
                result.scenario(), result.device(), result.batch(), result.itemsPerSecond(), l.p50(), l.p90(), l.p99(),
                l.max(), result.coldStartMs(), result.queries(), result.durationSeconds());
        int exit = 0;
        if (result.accuracyCheck() != null) {
            PerfResult.AccuracyCheck check = result.accuracyCheck();
            printer.printf(Locale.ROOT, "accuracy check against %s: %d of %d sample items have the stored top-1%s%n",
                    check.run(), check.matching(), check.checked(), check.passed() ? "" : " (MISMATCH: " + check.mismatches() + ")");
            exit = check.passed() ? 0 : GlamiBench.EXIT_FAILED;
        }
        printer.println("result written to " + file);
        printer.flush();
        printer.println("latency chart written to " + joined(PerfCharts.writeRun(result, out.resolve(name))));
        PerfCharts.Summary summary = PerfCharts.writeSummary(out);
        PrintWriter err = spec.commandLine().getErr();
        for (PerfCharts.Skipped skipped : summary.skipped()) {
            err.println("warning: " + skipped.file() + " left out of the summary: " + skipped.reason());
        }
        err.flush();
        printer.printf(Locale.ROOT, "summary of %d perf %s written to %s%n", summary.results(),
                summary.results() == 1 ? "result" : "results", joined(summary.written()));
        printer.flush();
        return exit;
    }

    private static String joined(List<Path> files) {
        return String.join(", ", files.stream().map(Path::toString).toList());
    }
}
