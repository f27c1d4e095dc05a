package org.glamibench.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.glamibench.run.Provenance;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Turns a JMH JSON result into a report beside it: {@code summary.md} (every score with its error
 * and unit, latency percentiles, the machine) and charts as PNG and SVG: {@code throughput}
 * (benchmarks measured in operations per time), {@code batch} (throughput against the
 * {@code batch} parameter, one line per benchmark and other parameters) and {@code latency}
 * (p50/p90/p99 of sample-mode benchmarks). A chart with nothing to show is not written.
 */
public final class BenchmarkReport {
    private static final double[] LATENCY_PERCENTILES = {50.0, 90.0, 99.0};

    private BenchmarkReport() {
    }

    /** {@code BenchmarkReport JMH_JSON [OUT_DIR]}: OUT_DIR defaults to the JSON's folder. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: BenchmarkReport JMH_JSON [OUT_DIR]");
            System.exit(2);
        }
        Path json = Path.of(args[0]);
        Path out = args.length == 2 ? Path.of(args[1]) : json.toAbsolutePath().getParent();
        List<Path> written = write(JmhResult.read(json), out, Provenance.ofThisMachine());
        written.forEach(file -> System.out.println("wrote " + file));
    }

    /**
     * Writes the summary and the charts.
     *
     * @return the files written
     */
    public static List<Path> write(List<JmhResult> results, Path out, Provenance machine) throws IOException {
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        Path summary = out.resolve("summary.md");
        Files.writeString(summary, summary(results, machine), StandardCharsets.UTF_8);
        written.add(summary);
        List<JmhResult> rates = results.stream().filter(r -> r.unit().startsWith("ops/")).toList();
        if (!rates.isEmpty()) {
            written.addAll(save(throughputChart(rates), out.resolve("throughput")));
        }
        List<JmhResult> batched = rates.stream().filter(r -> r.params().containsKey("batch")).toList();
        if (!batched.isEmpty()) {
            written.addAll(save(batchChart(batched), out.resolve("batch")));
        }
        List<JmhResult> sampled = results.stream().filter(r -> !r.percentiles().isEmpty()).toList();
        if (!sampled.isEmpty()) {
            written.addAll(save(latencyChart(sampled), out.resolve("latency")));
        }
        return written;
    }

    static String summary(List<JmhResult> results, Provenance machine) {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %s, %d cores, max heap %d MiB; %s; %s.%n%n",
                machine.cpu() == null ? "unknown CPU" : machine.cpu(), machine.cores(), machine.maxHeapBytes() >> 20,
                machine.jdk(), machine.os()));
        md.append("Errors are JMH's 99.9% confidence half-widths; on 2 cores with few iterations they are wide.\n\n");
        md.append("| benchmark | mode | score | error | unit |\n| --- | --- | ---: | ---: | --- |\n");
        for (JmhResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", r.label(), r.mode(), number(r.score()),
                    Double.isNaN(r.error()) ? "n/a" : "± " + number(r.error()), r.unit()));
        }
        List<JmhResult> sampled = results.stream().filter(r -> !r.percentiles().isEmpty()).toList();
        if (!sampled.isEmpty()) {
            md.append("\n## Latency percentiles\n\n| benchmark | p50 | p90 | p99 | max | unit |\n| --- | ---: | ---: | ---: | ---: | --- |\n");
            for (JmhResult r : sampled) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", r.label(),
                        number(r.percentiles().get(50.0)), number(r.percentiles().get(90.0)),
                        number(r.percentiles().get(99.0)), number(r.percentiles().get(100.0)), r.unit()));
            }
        }
        return md.toString();
    }

    /** Four significant digits, no exponent for usual magnitudes. */
    static String number(Double value) {
        if (value == null || value.isNaN()) {
            return "n/a";
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static CategoryChart throughputChart(List<JmhResult> rates) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(500).title("Throughput")
                .xAxisTitle("benchmark").yAxisTitle(rates.get(0).unit()).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(20);
        List<String> labels = rates.stream().map(JmhResult::label).toList();
        List<Double> scores = rates.stream().map(JmhResult::score).toList();
        List<Double> errors = rates.stream().map(r -> Double.isNaN(r.error()) ? 0 : r.error()).toList();
        chart.addSeries("score", labels, scores, errors);
        return chart;
    }

    private static XYChart batchChart(List<JmhResult> batched) {
        XYChart chart = new XYChartBuilder().width(900).height(500).title("Throughput against batch size")
                .xAxisTitle("batch size").yAxisTitle(batched.get(0).unit()).build();
        chart.getStyler().setXAxisLogarithmic(true);
        Map<String, TreeMap<Integer, JmhResult>> lines = new LinkedHashMap<>();
        for (JmhResult r : batched) {
            Map<String, String> others = new LinkedHashMap<>(r.params());
            others.remove("batch");
            String line = r.benchmark() + (others.isEmpty() ? "" : " " + others);
            lines.computeIfAbsent(line, k -> new TreeMap<>()).put(Integer.parseInt(r.params().get("batch")), r);
        }
        lines.forEach((line, points) -> chart.addSeries(line,
                points.keySet().stream().map(Integer::doubleValue).toList(),
                points.values().stream().map(JmhResult::score).toList(),
                points.values().stream().map(r -> Double.isNaN(r.error()) ? 0 : r.error()).toList()));
        return chart;
    }

    private static CategoryChart latencyChart(List<JmhResult> sampled) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(500).title("Latency percentiles")
                .xAxisTitle("benchmark").yAxisTitle(sampled.get(0).unit()).build();
        chart.getStyler().setXAxisLabelRotation(20);
        List<String> labels = sampled.stream().map(JmhResult::label).toList();
        for (double p : LATENCY_PERCENTILES) {
            chart.addSeries(String.format(Locale.ROOT, "p%.0f", p), labels,
                    sampled.stream().map(r -> r.percentiles().getOrDefault(p, Double.NaN)).toList());
        }
        return chart;
    }

    private static List<Path> save(Chart<?, ?> chart, Path base) throws IOException {
        BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return List.of(Path.of(base + ".png"), Path.of(base + ".svg"));
    }
}
