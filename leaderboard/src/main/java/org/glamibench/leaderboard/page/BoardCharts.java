package org.glamibench.leaderboard.page;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glamibench.dataset.Geo;
import org.glamibench.leaderboard.Board;
import org.glamibench.leaderboard.PaperResult;
import org.glamibench.metrics.TopKAccuracy;
import org.glamibench.report.ChartFiles;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of a board, drawn with XChart as PNG files (headless): top-1 with its interval per
 * model, top-1 per geo per model, and top-1 against throughput at batch 32. Each is saved as
 * {@code <base>.png} ({@link ChartFiles#savePng}) and returns that file.
 */
final class BoardCharts {
    /** Colours of tiers and models, in order (a colour-blind-safe palette). */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7), new Color(0x56B4E9),
        new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000), new Color(0x999999), new Color(0x882255)};
    private static final Color REFERENCE = new Color(0x888888);
    /** The most models the per-geo chart shows (the best ones), so that its bars stay readable. */
    static final int GEO_CHART_MODELS = 8;

    private BoardCharts() {
    }

    /**
     * Top-1 with its 95% interval, one point per model coloured by tier, and the paper's numbers
     * (no interval) after them on the real test split.
     */
    static Path top1(Board board, Path base) throws IOException {
        List<String> labels = new ArrayList<>();
        board.entries().forEach(e -> labels.add(e.run().runId()));
        board.references().forEach(r -> labels.add(paperLabel(r)));
        XYChart chart = new XYChartBuilder().width(Math.max(900, 45 * labels.size() + 300)).height(620)
                .title("Top-1 accuracy with its 95% bootstrap interval").yAxisTitle("top-1").build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setXAxisTickMarkSpacingHint(20);
        axisLabels(chart, unique(labels));
        int tiers = board.entries().get(board.entries().size() - 1).placement().tier();
        for (int i = 0; i < board.entries().size(); i++) {
            Board.Entry entry = board.entries().get(i);
            XYSeries interval = chart.addSeries("interval " + (i + 1), new double[] {i + 1, i + 1},
                    new double[] {entry.run().top1Interval().lower(), entry.run().top1Interval().upper()});
            interval.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            interval.setMarker(SeriesMarkers.NONE);
            interval.setLineColor(color(entry.placement().tier() - 1));
            interval.setLineStyle(new BasicStroke(2.5f));
            interval.setShowInLegend(false);
        }
        for (int tier = 1; tier <= tiers; tier++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < board.entries().size(); i++) {
                if (board.entries().get(i).placement().tier() == tier) {
                    xs.add(i + 1.0);
                    ys.add(board.entries().get(i).run().metrics().top1());
                }
            }
            XYSeries points = chart.addSeries("tier " + tier, xs, ys);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(SeriesMarkers.CIRCLE);
            points.setMarkerColor(color(tier - 1));
        }
        if (!board.references().isEmpty()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int k = 0; k < board.references().size(); k++) {
                xs.add(board.entries().size() + k + 1.0);
                ys.add(board.references().get(k).top1());
            }
            XYSeries paper = chart.addSeries("paper (not reproduced)", xs, ys);
            paper.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            paper.setMarker(SeriesMarkers.DIAMOND);
            paper.setMarkerColor(REFERENCE);
        }
        return ChartFiles.savePng(chart, base);
    }

    /** Top-1 per geo: one bar per model (the best {@value #GEO_CHART_MODELS}) in each geo. */
    static Path perGeo(Board board, Path base) throws IOException {
        List<Geo> geos = new ArrayList<>();
        for (Geo geo : Geo.values()) {
            if (board.entries().stream().anyMatch(e -> e.run().metrics().perGeo().containsKey(geo))) {
                geos.add(geo);
            }
        }
        List<String> codes = geos.stream().map(Geo::code).toList();
        CategoryChart chart = new CategoryChartBuilder().width(1100).height(520).title("Top-1 accuracy per geo")
                .xAxisTitle("geo").yAxisTitle("top-1").build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setAvailableSpaceFill(0.85);
        List<Color> colors = new ArrayList<>();
        int shown = Math.min(GEO_CHART_MODELS, board.entries().size());
        List<String> names = new ArrayList<>();
        List<List<Double>> series = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            Map<Geo, TopKAccuracy> perGeo = board.entries().get(i).run().metrics().perGeo();
            names.add(board.entries().get(i).run().runId());
            series.add(geos.stream().map(g -> perGeo.containsKey(g) ? perGeo.get(g).top1() : 0.0).toList());
            colors.add(color(i));
        }
        for (PaperResult reference : board.references()) {
            if (!reference.perGeoTop1().isEmpty()) {
                names.add(paperLabel(reference) + ", paper");
                series.add(geos.stream().map(g -> reference.perGeoTop1().getOrDefault(g, 0.0)).toList());
                colors.add(REFERENCE);
            }
        }
        names = unique(names);
        for (int i = 0; i < names.size(); i++) {
            chart.addSeries(names.get(i), codes, series.get(i));
        }
        chart.getStyler().setSeriesColors(colors.toArray(Color[]::new));
        return ChartFiles.savePng(chart, base);
    }

    /**
     * Top-1 against throughput at batch 32 (log scale), for the models whose throughput was
     * measured.
     *
     * @return the file written; empty, writing nothing, when no model on the board has a measured throughput
     */
    static Optional<Path> accuracyVsThroughput(Board board, Path base) throws IOException {
        List<Board.Entry> measured = board.entries().stream().filter(e -> e.throughput() != null).toList();
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(900).height(520).title("Top-1 accuracy against throughput")
                .xAxisTitle("items/s at batch 32 (log scale)").yAxisTitle("top-1").build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.getStyler().setYAxisMin(0.0);
        double fastest = measured.stream().mapToDouble(e -> e.throughput().itemsPerSecond()).max().orElseThrow();
        double slowest = measured.stream().mapToDouble(e -> e.throughput().itemsPerSecond()).min().orElseThrow();
        chart.getStyler().setXAxisMin(slowest / 2);
        chart.getStyler().setXAxisMax(fastest * 2);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        List<String> names = unique(measured.stream()
                .map(e -> e.run().runId() + " (" + e.throughput().device() + ")").toList());
        for (int i = 0; i < measured.size(); i++) {
            Board.Entry entry = measured.get(i);
            XYSeries point = chart.addSeries(names.get(i),
                    new double[] {entry.throughput().itemsPerSecond()}, new double[] {entry.run().metrics().top1()});
            point.setMarker(SeriesMarkers.CIRCLE);
            point.setMarkerColor(color(i));
        }
        return Optional.of(ChartFiles.savePng(chart, base));
    }

    private static void style(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setMarkerSize(10);
        styler.setSeriesColors(PALETTE);
        styler.setAntiAlias(true);
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setPlotGridLinesColor(new Color(0xDDDDDD));
    }

    /**
     * Names the x positions 1..n and keeps the first and last off the plot's edge. XChart labels
     * a custom-formatted axis at the x values of the chart's series, in the order first added,
     * when they are equally spaced and their labels unique: so this adds, before any other
     * series, an invisible series at 0, 1, ..., n + 1, with distinct blank labels at both ends.
     */
    private static void axisLabels(XYChart chart, List<String> labels) {
        int n = labels.size();
        double[] xs = new double[n + 2];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
        }
        XYSeries positions = chart.addSeries(" ", xs, new double[n + 2]);
        positions.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        positions.setMarker(SeriesMarkers.NONE);
        positions.setShowInLegend(false);
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            long i = Math.round(x);
            return i >= 1 && i <= n ? labels.get((int) i - 1) : i <= 0 ? " " : "  ";
        });
    }

    /**
     * The labels, a repeated or blank one numbered, so that no two are equal (XChart refuses two
     * series of one name, and two runs may share a run id).
     */
    private static List<String> unique(List<String> labels) {
        List<String> unique = new ArrayList<>();
        for (String label : labels) {
            String candidate = label;
            for (int k = 2; unique.contains(candidate) || candidate.isBlank(); k++) {
                candidate = label + " (" + k + ")";
            }
            unique.add(candidate);
        }
        return unique;
    }

    private static Color color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** A paper result named short enough for an axis label, e.g. {@code EmbraceNet image (human)}. */
    private static String paperLabel(PaperResult result) {
        String model = result.model().replace("Fine-tuned ResNeXt-50 32x4d", "ResNeXt-50 fine-tuned");
        return result.training().isEmpty() ? model : model + " (" + result.training().split(" ", -1)[0] + ")";
    }
}
