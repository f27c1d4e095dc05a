package org.glamibench.benchmarks.report;

import static org.glamibench.report.Numbers.significant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.glamibench.report.ChartFiles;
import org.glamibench.run.Provenance;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Turns a JMH JSON result into a report beside it: {@code summary.md} (the machine; the adapters'
 * items/s and latency percentiles per batch size; the stages' items/s and cost per item; every
 * score with its error and unit) and charts as PNG and SVG: {@code adapter-throughput} (items/s
 * against batch size, one line per adapter, on logarithmic axes: an error bar reaching zero is cut
 * just above it), {@code adapter-latency} (p50/p90/p99 of one predict call at batch 1 per adapter)
 * and {@code stages} (microseconds per item of each stage, bars on a linear axis so that their
 * lengths compare, each labelled with its value). A chart with nothing to show is not written.
 * Groups are told apart as {@link JmhResult#group()} says.
 */
public final class BenchmarkReport {
    private static final double[] LATENCY_PERCENTILES = {50.0, 90.0, 99.0};

    private BenchmarkReport() {
    }

    /** {@code BenchmarkReport JMH_JSON [OUT_DIR]}: OUT_DIR defaults to the JSON's folder; device cpu. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: BenchmarkReport JMH_JSON [OUT_DIR]");
            System.exit(2);
        }
        Path json = Path.of(args[0]);
        Path out = args.length == 2 ? Path.of(args[1]) : json.toAbsolutePath().getParent();
        List<Path> written = write(JmhResult.read(json), out, Machine.ofThisMachine("cpu"));
        written.forEach(file -> System.out.println("wrote " + file));
    }

    /**
     * Writes the summary and the charts.
     *
     * @return the files written
     */
    public static List<Path> write(List<JmhResult> results, Path out, Machine machine) throws IOException {
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        Path summary = out.resolve("summary.md");
        Files.writeString(summary, summary(results, machine), StandardCharsets.UTF_8);
        written.add(summary);
        Map<String, NavigableMap<Integer, AdapterRow>> adapters = adapterRows(results);
        if (adapters.values().stream().anyMatch(rows -> rows.values().stream().anyMatch(r -> r.rate != null))) {
            written.addAll(ChartFiles.savePngAndSvg(adapterThroughputChart(adapters), out.resolve("adapter-throughput")));
        }
        List<JmhResult> latencies = adapters.values().stream().map(rows -> rows.get(1))
                .filter(row -> row != null && row.sampled != null).map(row -> row.sampled).toList();
        if (!latencies.isEmpty()) {
            written.addAll(ChartFiles.savePngAndSvg(adapterLatencyChart(latencies), out.resolve("adapter-latency")));
        }
        List<JmhResult> stages = stages(results);
        if (!stages.isEmpty()) {
            written.addAll(ChartFiles.savePngAndSvg(stageChart(stages), out.resolve("stages")));
        }
        return written;
    }

    /** An adapter at one batch size: its rate (throughput or average time) and its sampled latency. */
    private static final class AdapterRow {
        private JmhResult rate;
        private JmhResult sampled;
    }

    /** Adapter results by label without batch, then batch, in file order. */
    private static Map<String, NavigableMap<Integer, AdapterRow>> adapterRows(List<JmhResult> results) {
        Map<String, NavigableMap<Integer, AdapterRow>> rows = new LinkedHashMap<>();
        for (JmhResult r : results) {
            if (!JmhResult.ADAPTER.equals(r.group())) {
                continue;
            }
            AdapterRow row = rows.computeIfAbsent(adapterKey(r), k -> new TreeMap<>()).computeIfAbsent(r.batch(),
                    k -> new AdapterRow());
            if (r.percentiles().isEmpty()) {
                row.rate = r;
            } else {
                row.sampled = r;
            }
        }
        return rows;
    }

    /** The class and the parameters other than batch, e.g. {@code AdapterForwardBenchmark [adapter=text]}. */
    private static String adapterKey(JmhResult r) {
        return r.benchmark().substring(0, r.benchmark().indexOf('.')) + r.labelWithoutBatch().substring(r.benchmark().length());
    }

    private static List<JmhResult> stages(List<JmhResult> results) {
        return results.stream().filter(r -> JmhResult.STAGE.equals(r.group()) && !Double.isNaN(r.itemsPerSecond())).toList();
    }

    static String summary(List<JmhResult> results, Machine machine) {
        Provenance p = machine.provenance();
        StringBuilder md = new StringBuilder("# Benchmark results\n\n## Machine\n\n");
        md.append(String.format(Locale.ROOT, "- CPU: %s, %d cores; memory %s; JVM max heap %d MiB%n",
                p.cpu() == null ? "unknown" : p.cpu(), p.cores(),
                machine.memoryBytes() > 0 ? significant(machine.memoryBytes() / (double) (1L << 30)) + " GiB" : "unknown",
                p.maxHeapBytes() >> 20));
        md.append(String.format(Locale.ROOT, "- JDK: %s; OS: %s%n", p.jdk(), p.os()));
        md.append("- Engines: ").append(machine.engines().isEmpty() ? "none" : String.join(", ", machine.engines()))
                .append('\n');
        md.append("- Device: ").append(machine.device()).append("; GPUs: ")
                .append(machine.gpus().isEmpty() ? "none found (nvidia-smi)" : machine.gpus().stream()
                        .map(gpu -> gpu.summary() + ", driver " + gpu.driver() + ", CUDA " + gpu.cuda())
                        .collect(java.util.stream.Collectors.joining("; ")))
                .append("\n\n");
        md.append("Errors are JMH's 99.9% confidence half-widths; on 2 cores with few iterations they are wide.\n");
        Map<String, NavigableMap<Integer, AdapterRow>> adapters = adapterRows(results);
        if (!adapters.isEmpty()) {
            md.append("\n## Adapters: forward pass\n\nItems per second of predict calls on prepared inputs; latency "
                    + "percentiles of one call (sample mode).\n\n| adapter | batch | items/s | error | p50 | p90 | p99 "
                    + "| latency unit |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
            adapters.forEach((adapter, rows) -> rows.forEach((batch, row) -> {
                JmhResult rate = row.rate;
                JmhResult sampled = row.sampled;
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s |%n", adapter, batch,
                        rate == null ? "n/a" : significant(rate.itemsPerSecond()),
                        rate == null ? "n/a" : error(rate.itemsPerSecondError()),
                        sampled == null ? "n/a" : significant(sampled.percentiles().get(50.0)),
                        sampled == null ? "n/a" : significant(sampled.percentiles().get(90.0)),
                        sampled == null ? "n/a" : significant(sampled.percentiles().get(99.0)),
                        sampled == null ? "" : sampled.unit()));
            }));
        }
        List<JmhResult> stages = stages(results);
        if (!stages.isEmpty()) {
            md.append("\n## Stages\n\n| stage | items/s | error | µs per item |\n| --- | ---: | ---: | ---: |\n");
            for (JmhResult r : stages) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", r.label(), significant(r.itemsPerSecond()),
                        error(r.itemsPerSecondError()), significant(1e6 / r.itemsPerSecond())));
            }
        }
        md.append("\n## All results\n\n| benchmark | mode | score | error | unit |\n| --- | --- | ---: | ---: | --- |\n");
        for (JmhResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", r.label(), r.mode(), significant(r.score()),
                    error(r.error()), r.unit()));
        }
        List<JmhResult> sampled = results.stream().filter(r -> !r.percentiles().isEmpty()).toList();
        if (!sampled.isEmpty()) {
            md.append("\n## Latency percentiles\n\n| benchmark | p50 | p90 | p99 | max | unit |\n| --- | ---: | ---: | ---: | ---: | --- |\n");
            for (JmhResult r : sampled) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", r.label(),
                        significant(r.percentiles().get(50.0)), significant(r.percentiles().get(90.0)),
                        significant(r.percentiles().get(99.0)), significant(r.percentiles().get(100.0)), r.unit()));
            }
        }
        return md.toString();
    }

    private static String error(double error) {
        return Double.isNaN(error) ? "n/a" : "± " + significant(error);
    }

    /** Items/s against batch size, both on log scales (the x axis in powers of two). */
    private static XYChart adapterThroughputChart(Map<String, NavigableMap<Integer, AdapterRow>> adapters) {
        XYChart chart = new XYChartBuilder().width(900).height(600).title("Forward pass: throughput against batch size")
                .xAxisTitle("batch size").yAxisTitle("items/s").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(log2 -> String.format(Locale.ROOT, "%.0f", Math.pow(2, log2)));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        adapters.forEach((adapter, rows) -> {
            List<Double> batches = new ArrayList<>();
            List<Double> rates = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            rows.forEach((batch, row) -> {
                if (row.rate != null) {
                    batches.add(Math.log(batch) / Math.log(2));
                    rates.add(row.rate.itemsPerSecond());
                    errors.add(logAxisError(row.rate.itemsPerSecond(), row.rate.itemsPerSecondError()));
                }
            });
            if (!batches.isEmpty()) {
                chart.addSeries(adapter, batches, rates, errors);
            }
        });
        return chart;
    }

    /** An error bar a logarithmic axis can draw: one reaching zero or below stops just above it. */
    private static double logAxisError(double value, double error) {
        return Double.isNaN(error) ? 0 : Math.min(error, 0.99 * value);
    }

    private static CategoryChart adapterLatencyChart(List<JmhResult> sampled) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(500)
                .title("Forward pass: latency of one item (batch 1)").xAxisTitle("adapter")
                .yAxisTitle(sampled.get(0).unit()).build();
        chart.getStyler().setXAxisLabelRotation(10);
        List<String> labels = sampled.stream().map(BenchmarkReport::adapterKey).toList();
        for (double p : LATENCY_PERCENTILES) {
            chart.addSeries(String.format(Locale.ROOT, "p%.0f", p), labels,
                    sampled.stream().map(r -> r.percentiles().getOrDefault(p, Double.NaN)).toList());
        }
        return chart;
    }

    private static CategoryChart stageChart(List<JmhResult> stages) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(500).title("Stages: cost per item")
                .xAxisTitle("stage").yAxisTitle("µs per item").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        chart.addSeries("µs per item", stages.stream().map(JmhResult::label).toList(),
                stages.stream().map(r -> 1e6 / r.itemsPerSecond()).toList());
        return chart;
    }
}
