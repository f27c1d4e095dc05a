package org.glamibench.dataset;

import java.util.SortedMap;
import java.util.TreeMap;

/** Builds a {@link ClassIndex} from the rows of a split as they stream by. Not thread-safe. */
public final class ClassIndexCollector {
    private final SortedMap<Integer, String> namesById = new TreeMap<>();
    private final Split source;

    /** A collector for rows of the given split. */
    public ClassIndexCollector(Split source) {
        this.source = source;
    }

    /**
     * Builds the class index of a dataset from its train split when present, else its test split,
     * by reading that CSV (with the given handling of bad rows).
     *
     * @throws DatasetException for a bad row in strict mode, or when the split has no valid row
     */
    public static ClassIndex read(DatasetLayout layout, GlamiCsvReader.Mode mode) {
        Split source = layout.has(Split.TRAIN) ? Split.TRAIN : Split.TEST;
        ClassIndexCollector collector = new ClassIndexCollector(source);
        try (GlamiCsvReader reader = GlamiCsvReader.open(layout.csv(source), mode)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                collector.add(row);
            }
        }
        return collector.build(layout.csv(source).toString());
    }

    /** Records the row's category (the first name seen for a category is kept). */
    public void add(GlamiRow row) {
        namesById.putIfAbsent(row.category(), row.categoryName());
    }

    /**
     * The class index of the rows added.
     *
     * @param file names the input in the error
     * @throws DatasetException when no row was added
     */
    public ClassIndex build(String file) {
        if (namesById.isEmpty()) {
            throw new DatasetException(file + ": no valid row, so no class index");
        }
        return ClassIndex.of(namesById, source);
    }
}
