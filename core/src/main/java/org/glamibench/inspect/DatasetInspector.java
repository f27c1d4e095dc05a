package org.glamibench.inspect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glamibench.image.ImageCheck;
import org.glamibench.image.ImageProblem;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.ClassIndexCollector;
import org.glamibench.dataset.DatasetException;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.RowProblem;
import org.glamibench.dataset.Split;
import org.glamibench.dataset.SplitReader;
import org.glamibench.dataset.TestManifest;

/**
 * Reads one split once and reports what it holds: rows per geo, per label source and per class,
 * the manifest and class index hashes, and every problem found. Streams the CSV, so the 1M-row
 * train split needs only a few hundred bytes per row of heap.
 */
public final class DatasetInspector {
    /** How many of the largest and smallest classes an inspection lists. */
    public static final int EXTREME_CLASSES = 10;

    private final GlamiCsvReader.Mode mode;
    private final boolean verifyImages;
    private final int threads;

    /**
     * @param mode         strict (a bad row is an error) or lenient (skipped and reported)
     * @param verifyImages whether to decode every image and include image bytes in the manifest
     * @param threads      threads for image checks, at least 1
     */
    public DatasetInspector(GlamiCsvReader.Mode mode, boolean verifyImages, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.mode = mode;
        this.verifyImages = verifyImages;
        this.threads = threads;
    }

    /**
     * Inspects a split.
     *
     * <p>When the class index comes from the other split, a category named differently in the two
     * splits is a problem (reported once per category, with a line of each split); its rows are kept.
     *
     * @throws DatasetException in strict mode for the first bad row (in this split, or in the
     *                          split the class index is built from), or when the split is missing
     *                          or has no rows
     */
    public Inspection inspect(DatasetLayout layout, Split split) {
        if (!layout.has(split)) {
            throw new DatasetException(layout.csv(split) + ": no such file");
        }
        Split indexSource = layout.has(Split.TRAIN) ? Split.TRAIN : Split.TEST;
        ClassIndexCollector other = indexSource == split ? null : ClassIndexCollector.collect(layout, indexSource, mode);
        ClassIndex given = other == null ? null : other.build(layout.csv(indexSource).toString());
        Map<Integer, String> renamed = new TreeMap<>();
        ClassIndexCollector collector = new ClassIndexCollector(split);
        Map<Geo, Integer> perGeo = new EnumMap<>(Geo.class);
        Map<String, Integer> perLabelSource = new HashMap<>();
        Map<Integer, Integer> perClass = new HashMap<>();
        TestManifest.Builder manifest = new TestManifest.Builder(verifyImages);
        List<GlamiRow> rows = new ArrayList<>();
        List<RowProblem> rowProblems;
        try (SplitReader reader = SplitReader.open(layout, split, given, mode)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                perGeo.merge(row.geo(), 1, Integer::sum);
                perLabelSource.merge(row.labelSource(), 1, Integer::sum);
                perClass.merge(row.category(), 1, Integer::sum);
                if (given == null) {
                    collector.add(row);
                } else {
                    String indexName = given.name(given.indexOf(row.category()));
                    if (!indexName.equals(row.categoryName()) && !renamed.containsKey(row.category())) {
                        renamed.put(row.category(), layout.csv(split).getFileName() + ":" + reader.line()
                                + ": field 'category_name': category " + row.category() + " is '" + row.categoryName()
                                + "' here but '" + indexName + "' in " + layout.csv(indexSource).getFileName() + ":"
                                + other.firstLine(row.category()));
                    }
                }
                if (verifyImages) {
                    rows.add(row);
                } else {
                    manifest.add(row);
                }
            }
            rowProblems = reader.problems();
        }
        if (perGeo.isEmpty()) {
            throw layout.noRows(split, rowProblems.size());
        }
        ClassIndex classIndex = given != null ? given : collector.build(layout.csv(split).toString());
        List<String> problems = new ArrayList<>();
        rowProblems.forEach(problem -> problems.add(problem.toString()));
        problems.addAll(renamed.values());
        ImageSummary images = null;
        if (verifyImages) {
            images = checkImages(layout, rows, manifest, problems);
        }
        Map<String, Integer> geoCounts = new LinkedHashMap<>();
        for (Geo geo : Geo.values()) {
            geoCounts.put(geo.code(), perGeo.getOrDefault(geo, 0));
        }
        Map<String, Integer> sourceCounts = new LinkedHashMap<>();
        perLabelSource.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sourceCounts.put(e.getKey(), e.getValue()));
        List<Inspection.ClassCount> classCounts = new ArrayList<>();
        perClass.forEach((category, count) -> classCounts.add(new Inspection.ClassCount(category,
                classIndex.name(classIndex.indexOf(category)), count)));
        Comparator<Inspection.ClassCount> byCount = Comparator.comparingInt(Inspection.ClassCount::rows);
        List<Inspection.ClassCount> largest = classCounts.stream()
                .sorted(byCount.reversed().thenComparingInt(Inspection.ClassCount::category)).limit(EXTREME_CLASSES).toList();
        List<Inspection.ClassCount> smallest = classCounts.stream()
                .sorted(byCount.thenComparingInt(Inspection.ClassCount::category)).limit(EXTREME_CLASSES).toList();
        TestManifest built = manifest.build();
        return new Inspection(layout.root().toString(), split.label(), built.rows(), geoCounts, perClass.size(),
                classIndex.size(), classIndex.source().label(), sourceCounts, largest, smallest, built.sha256(),
                built.includesImages(), classIndex.sha256(), rowProblems.size(), images, problems);
    }

    private ImageSummary checkImages(DatasetLayout layout, List<GlamiRow> rows, TestManifest.Builder manifest,
                                     List<String> problems) {
        Map<Long, ImageCheck.Result> byImage = new ParallelImageChecker(threads).check(layout,
                rows.stream().mapToLong(GlamiRow::imageId).distinct().toArray());
        Map<ImageProblem.Kind, Integer> perKind = new TreeMap<>();
        for (GlamiRow row : rows) {
            ImageCheck.Result result = byImage.get(row.imageId());
            manifest.add(row, result.sha256() == null ? "" : result.sha256());
            if (!result.ok()) {
                perKind.merge(result.problem().kind(), 1, Integer::sum);
                problems.add(Path.of("images", row.imageId() + ".jpg") + " (item " + row.itemId() + "): "
                        + result.problem());
            }
        }
        int bad = perKind.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (ImageProblem.Kind kind : ImageProblem.Kind.values()) {
            kinds.put(kind.name().toLowerCase(java.util.Locale.ROOT), perKind.getOrDefault(kind, 0));
        }
        return new ImageSummary(rows.size(), byImage.size(), rows.size() - bad, kinds);
    }

    /**
     * Image check totals, counted per item (an image shared by several items counts for each).
     *
     * @param items    items checked
     * @param files    distinct image files checked
     * @param ok       items whose image is usable
     * @param problems items per problem kind
     */
    public record ImageSummary(int items, int files, int ok, Map<String, Integer> problems) {
    }
}
