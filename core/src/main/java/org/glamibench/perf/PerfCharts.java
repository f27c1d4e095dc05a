package org.glamibench.perf;

import static org.glamibench.report.Numbers.significant;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.glamibench.report.ChartFiles;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of perf results, as PNG and SVG: the latency distribution of one result, and a summary
 * of every result in a folder. Everything drawn comes from the results' JSON alone.
 */
public final class PerfCharts {
    /** The base name of the summary's latency chart; its throughput chart adds {@code -throughput}. */
    private static final String SUMMARY = "perf-summary";
    private static final double[] SUMMARY_PERCENTILES = {50, 90, 99};

    private PerfCharts() {
    }

    /**
     * A summary written by {@link #writeSummary}.
     *
     * @param results how many perf results it charts
     * @param written the files written; empty when there was no result
     * @param skipped the JSON files of the folder that are not perf results, left out
     */
    public record Summary(int results, List<Path> written, List<Skipped> skipped) {
    }

    /**
     * A JSON file left out of a summary.
     *
     * @param file   the file
     * @param reason why it is not a perf result
     */
    public record Skipped(Path file, String reason) {
    }

    /**
     * Draws one result's latency per query against percentile, as HdrHistogram plots it: the x
     * axis is {@code log10(1 / (1 - p))}, so 0, 90%, 99%, 99.9%... are evenly spaced and labelled
     * as percentiles; the maximum (percentile 100, off that axis) is a horizontal line.
     *
     * @return {@code <base>.png} and {@code <base>.svg}
     * @throws IllegalArgumentException when the result has no latency distribution
     */
    public static List<Path> writeRun(PerfResult result, Path base) throws IOException {
        return ChartFiles.savePngAndSvg(runChart(result), base);
    }

    /** The chart {@link #writeRun} saves. */
    static XYChart runChart(PerfResult result) {
        if (result.latencyDistribution() == null) {
            throw new IllegalArgumentException("the perf result has no latency_distribution to chart");
        }
        List<PerfResult.LatencyPoint> finite = result.latencyDistribution().stream()
                .filter(point -> point.percentile() < 100).toList();
        double[] xs = finite.stream().mapToDouble(point -> percentileAxis(point.percentile())).toArray();
        double[] ys = finite.stream().mapToDouble(PerfResult.LatencyPoint::latencyMs).toArray();
        double right = Math.ceil(xs[xs.length - 1]);
        XYChart chart = new XYChartBuilder().width(900).height(500)
                .title(String.format(Locale.ROOT, "%s %s, batch %d, %s: %s items/s, cold start %s ms",
                        result.adapter().name(), result.scenario(), result.batch(), result.device(),
                        significant(result.itemsPerSecond()), significant(result.coldStartMs())))
                .xAxisTitle("percentile (log scale of 1 / (1 - percentile))").yAxisTitle("latency per query, ms").build();
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(right);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.setCustomXAxisTickLabelsFormatter(PerfCharts::percentileLabel);
        XYSeries latency = chart.addSeries("latency", xs, ys);
        latency.setMarker(SeriesMarkers.CIRCLE);
        XYSeries max = chart.addSeries("max " + significant(result.latencyMs().max()) + " ms", new double[] {0, right},
                new double[] {result.latencyMs().max(), result.latencyMs().max()});
        max.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    /**
     * Charts every perf result JSON in a folder (its {@code *.json} files, in name order; other
     * files are not looked at): {@code perf-summary} with p50, p90 and p99 latency per result and
     * {@code perf-summary-throughput} with items/s per result, each as PNG and SVG. A result is
     * named by adapter, scenario, batch and device, a repeated name numbered in name order of the
     * files. A JSON file that is not a perf result is skipped and reported, not charted.
     *
     * @return the summary; nothing is written when the folder holds no perf result
     */
    public static Summary writeSummary(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
        List<PerfResult> results = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path file : files) {
            try {
                results.add(PerfResult.read(file));
            } catch (IOException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
                skipped.add(new Skipped(file, message));
            }
        }
        if (results.isEmpty()) {
            return new Summary(0, List.of(), skipped);
        }
        List<String> labels = labels(results);
        List<Path> written = new ArrayList<>();
        written.addAll(ChartFiles.savePngAndSvg(latencyChart(results, labels), folder.resolve(SUMMARY)));
        written.addAll(ChartFiles.savePngAndSvg(throughputChart(results, labels), folder.resolve(SUMMARY + "-throughput")));
        return new Summary(results.size(), written, skipped);
    }

    private static CategoryChart latencyChart(List<PerfResult> results, List<String> labels) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(500)
                .title("Latency per query (an item in single-stream, a batch in offline)")
                .xAxisTitle("perf result").yAxisTitle("ms").build();
        chart.getStyler().setXAxisLabelRotation(20);
        for (double p : SUMMARY_PERCENTILES) {
            chart.addSeries(String.format(Locale.ROOT, "p%.0f", p), labels,
                    results.stream().map(r -> percentile(r.latencyMs(), p)).toList());
        }
        return chart;
    }

    private static CategoryChart throughputChart(List<PerfResult> results, List<String> labels) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(500).title("Throughput")
                .xAxisTitle("perf result").yAxisTitle("items/s").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(20);
        chart.addSeries("items/s", labels, results.stream().map(PerfResult::itemsPerSecond).toList());
        return chart;
    }

    private static double percentile(PerfResult.Latency latency, double p) {
        return p == 50 ? latency.p50() : p == 90 ? latency.p90() : latency.p99();
    }

    /** {@code adapter scenario batch N device}, a repeat numbered {@code (2)}, {@code (3)}... */
    static List<String> labels(List<PerfResult> results) {
        Set<String> seen = new HashSet<>();
        List<String> labels = new ArrayList<>();
        for (PerfResult r : results) {
            String label = r.adapter().name() + " " + r.scenario() + " batch " + r.batch() + " " + r.device();
            String candidate = label;
            for (int k = 2; !seen.add(candidate); k++) {
                candidate = label + " (" + k + ")";
            }
            labels.add(candidate);
        }
        return labels;
    }

    /** Where a percentile (below 100) lies on the x axis: {@code log10(1 / (1 - p/100))}. */
    static double percentileAxis(double percentile) {
        return -Math.log10(1 - percentile / 100);
    }

    /** The percentile at a whole x position ({@code 0%}, {@code 90%}, {@code 99%}...); blank between them. */
    static String percentileLabel(double x) {
        long decades = Math.round(x);
        if (Math.abs(x - decades) > 1e-9 || decades < 0) {
            return " ";
        }
        return new BigDecimal(100).subtract(BigDecimal.ONE.movePointRight(2 - (int) decades)).stripTrailingZeros()
                .toPlainString() + "%";
    }
}
