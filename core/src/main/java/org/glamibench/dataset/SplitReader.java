package org.glamibench.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * Streams the valid rows of one split whose category is in a class index (when one is given). A
 * row whose category is not in the index throws in strict mode and is skipped and recorded in lenient mode, like any
 * other bad row of {@link GlamiCsvReader}. Not thread-safe.
 */
public final class SplitReader implements AutoCloseable {
    private final GlamiCsvReader csv;
    private final ClassIndex classIndex;
    private final GlamiCsvReader.Mode mode;
    private final List<RowProblem> unknownCategories = new ArrayList<>();

    private SplitReader(GlamiCsvReader csv, ClassIndex classIndex, GlamiCsvReader.Mode mode) {
        this.csv = csv;
        this.classIndex = classIndex;
        this.mode = mode;
    }

    /**
     * Opens a split for reading against a class index.
     *
     * @param classIndex the index every row's category must be in; null to accept any category
     *                   (for the split the index is built from)
     * @throws DatasetException when the CSV is missing or its header is unusable
     */
    public static SplitReader open(DatasetLayout layout, Split split, ClassIndex classIndex, GlamiCsvReader.Mode mode) {
        return new SplitReader(GlamiCsvReader.open(layout.csv(split), mode), classIndex, mode);
    }

    /**
     * The next valid row, or null at the end.
     *
     * @throws DatasetException in strict mode, for the first bad row
     */
    public GlamiRow next() {
        for (GlamiRow row = csv.next(); row != null; row = csv.next()) {
            if (classIndex == null || classIndex.indexOf(row.category()) >= 0) {
                return row;
            }
            RowProblem problem = new RowProblem(csv.fileName(), csv.line(), "field 'category': " + row.category()
                    + " (" + row.categoryName() + ") is not in the class index built from the "
                    + classIndex.source().label() + " split");
            if (mode == GlamiCsvReader.Mode.STRICT) {
                throw new DatasetException(problem.toString());
            }
            unknownCategories.add(problem);
        }
        return null;
    }

    /** The line where the last returned row starts. */
    public long line() {
        return csv.line();
    }

    /** Rows skipped so far in lenient mode, ordered by line. */
    public List<RowProblem> problems() {
        List<RowProblem> all = new ArrayList<>(csv.problems());
        all.addAll(unknownCategories);
        all.sort((a, b) -> Long.compare(a.line(), b.line()));
        return all;
    }

    @Override
    public void close() {
        csv.close();
    }
}
