package org.glamibench.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The train split of a GLAMI-1M dataset, for adapters that learn from it: the harness hands it over
 * as {@code AdapterContext.trainSplit()}. Reads the CSV as the harness reads every split (RFC 4180,
 * the columns by name in any order, {@link GlamiCsvReader}), leniently: a bad row is skipped and
 * reported in the {@link Summary}, never fatal. Immutable; each {@link #forEachRow} reads the file
 * anew.
 */
public final class TrainSplit {
    private final Path csv;

    /**
     * The split in this CSV file; nothing is read until {@link #forEachRow}.
     *
     * @param csv the train split's CSV file (e.g. {@code GLAMI-1M-train.csv})
     * @throws NullPointerException when {@code csv} is null
     */
    public TrainSplit(Path csv) {
        this.csv = Objects.requireNonNull(csv, "csv");
    }

    /** {@return the CSV file} */
    public Path csv() {
        return csv;
    }

    /**
     * What one pass over the split read.
     *
     * @param rows    the valid rows handed over
     * @param skipped the bad rows skipped, each with its line and field, in file order
     */
    public record Summary(long rows, List<RowProblem> skipped) {
        /**
         * Copies the skipped rows.
         *
         * @param rows    the valid rows handed over
         * @param skipped the bad rows skipped; copied into an unmodifiable list
         * @throws NullPointerException when {@code skipped} is or holds null
         */
        public Summary {
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Hands every valid row to {@code action}, in file order, on the calling thread.
     *
     * @param action receives each valid row
     * @return how many rows were handed over, and which bad rows were skipped
     * @throws DatasetException when the file cannot be read or its header lacks a column
     */
    public Summary forEachRow(Consumer<? super GlamiRow> action) {
        Objects.requireNonNull(action, "action");
        long rows = 0;
        try (GlamiCsvReader reader = GlamiCsvReader.open(csv, GlamiCsvReader.Mode.LENIENT)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                action.accept(row);
                rows++;
            }
            return new Summary(rows, reader.problems());
        }
    }
}
