package org.glamibench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glamibench.files.JsonFiles;
import org.glamibench.leakage.LeakageFile;
import org.glamibench.leakage.LeakageResult;
import org.glamibench.report.ChartFiles;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Writes a leakage result as files: leakage.json, leakage.md and three PNG charts. */
final class LeakageFiles {
    private LeakageFiles() {
    }

    /** Writes the files into {@code folder} (created if missing) and returns them. */
    static List<Path> write(Path folder, LeakageResult result) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        Path json = folder.resolve(LeakageFile.NAME);
        JsonFiles.write(json, result.toJson());
        written.add(json);
        Path markdown = folder.resolve("leakage.md");
        Files.writeString(markdown, markdown(result), StandardCharsets.UTF_8);
        written.add(markdown);
        Map<String, Long> histogram = result.histogram();
        written.add(ChartFiles.savePng(bars("Test items by distance of their nearest train photo", "Hamming distance",
                "test items", new ArrayList<>(histogram.keySet()),
                histogram.values().stream().map(Long::doubleValue).toList()), folder.resolve("distance-histogram")));
        written.add(share(result.perGeo(), "Leaked share per geo", "geo", folder.resolve("leaked-per-geo")));
        written.add(share(result.perClass(), "Leaked share per class", "category", folder.resolve("leaked-per-class")));
        return written;
    }

    private static Path share(Map<String, Map<String, Object>> counts, String title, String axis, Path base)
            throws IOException {
        List<String> keys = new ArrayList<>(counts.keySet());
        List<Double> shares = keys.stream().map(k -> ((Number) counts.get(k).get("leaked_share")).doubleValue()).toList();
        return ChartFiles.savePng(bars(title, axis, "leaked share", keys, shares), base);
    }

    private static CategoryChart bars(String title, String x, String y, List<String> keys, List<Double> values) {
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(800, 14 * keys.size())).height(450).title(title)
                .xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(keys.size() > 20 ? 90 : 0);
        chart.addSeries(y, keys, values);
        return chart;
    }

    private static long count(Map<String, Object> counts, String key) {
        return ((Number) counts.get(key)).longValue();
    }

    private static String markdown(LeakageResult result) {
        StringBuilder md = new StringBuilder();
        md.append("# Train/test leakage\n\n");
        md.append(String.format(Locale.ROOT, "Test split manifest `%s`: %,d test items; photos are twins within Hamming "
                + "distance %d (and of like colours), texts when name and description are equal once normalised.%n%n",
                result.manifestSha256(), result.testItems(), result.maxDistance()));
        md.append(String.format(Locale.ROOT, "- leaked (photo or text twin in train): %,d (%.2f%%)%n", result.leakedItems(),
                100.0 * result.leakedItems() / result.testItems()));
        md.append(String.format(Locale.ROOT, "- clean: %,d%n", result.testItems() - result.leakedItems()));
        md.append(String.format(Locale.ROOT, "- duplicate groups inside the test split: %,d%n%n", result.testDuplicateGroups().size()));
        md.append("| geo | test items | photo twins | text twins | name only | leaked | same label | leaked share |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        result.perGeo().forEach((geo, c) -> md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %,d | %,d | %.4f |%n",
                geo, count(c, "test_items"), count(c, "photo_twins"), count(c, "text_twins"), count(c, "name_matches"),
                count(c, "leaked"), count(c, "leaked_same_label"), ((Number) c.get("leaked_share")).doubleValue())));
        md.append("\n![distance histogram](distance-histogram.png)\n![leaked per geo](leaked-per-geo.png)\n"
                + "![leaked per class](leaked-per-class.png)\n");
        return md.toString();
    }
}
