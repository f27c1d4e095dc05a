package org.glamibench.dataset;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Builds a {@link ClassIndex} from the rows of a split as they stream by. Not thread-safe. */
public final class ClassIndexCollector {
    private final SortedMap<Integer, String> namesById = new TreeMap<>();
    private final Map<Integer, Long> firstLines = new HashMap<>();
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
        return collect(layout, source, mode).build(layout.csv(source).toString());
    }

    /**
     * Reads every row of a split (with the given handling of bad rows), recording the line where each
     * category first appears.
     *
     * @throws DatasetException for a bad row in strict mode
     */
    public static ClassIndexCollector collect(DatasetLayout layout, Split source, GlamiCsvReader.Mode mode) {
        ClassIndexCollector collector = new ClassIndexCollector(source);
        try (GlamiCsvReader reader = GlamiCsvReader.open(layout.csv(source), mode)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                collector.add(row, reader.line());
            }
        }
        return collector;
    }

    /** Records the row's category (the first name seen for a category is kept). */
    public void add(GlamiRow row) {
        namesById.putIfAbsent(row.category(), row.categoryName());
    }

    /** Records the row's category and, when it is the category's first row, the line it starts on. */
    public void add(GlamiRow row, long line) {
        if (namesById.putIfAbsent(row.category(), row.categoryName()) == null) {
            firstLines.put(row.category(), line);
        }
    }

    /** {@return the line of the category's first row added with a line, or -1 when there is none} */
    public long firstLine(int category) {
        return firstLines.getOrDefault(category, -1L);
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
