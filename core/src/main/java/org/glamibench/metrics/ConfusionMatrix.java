package org.glamibench.metrics;

import java.util.Comparator;
import java.util.List;
import org.glamibench.store.ItemStatus;

/**
 * The sparse confusion matrix of the scored items: how many items of each true class got each
 * best (top-1) class. Failed items have no predicted class and are not in it; they are counted per
 * {@link ItemStatus} in the {@link MetricReport}.
 *
 * @param numClasses the number of classes {@code K}
 * @param entries    the non-zero cells, ordered by true class, then predicted class
 */
public record ConfusionMatrix(int numClasses, List<Entry> entries) {

    /** Orders the most confused pairs: count descending, then true class, then predicted class. */
    private static final Comparator<Entry> MOST_CONFUSED_FIRST = Comparator.comparingLong(Entry::count).reversed()
            .thenComparingInt(Entry::trueClass)
            .thenComparingInt(Entry::predictedClass);

    /**
     * One non-zero cell.
     *
     * @param trueClass      the true class
     * @param predictedClass the best class the model gave
     * @param count          items, at least 1
     */
    public record Entry(int trueClass, int predictedClass, long count) {
    }

    public ConfusionMatrix {
        entries = List.copyOf(entries);
    }

    /** The count of a cell, 0 when it is not stored. */
    public long count(int trueClass, int predictedClass) {
        int lowIndex = 0;
        int highIndex = entries.size() - 1;
        while (lowIndex <= highIndex) {
            int middle = (lowIndex + highIndex) >>> 1;
            Entry entry = entries.get(middle);
            int order = entry.trueClass != trueClass
                    ? Integer.compare(entry.trueClass, trueClass)
                    : Integer.compare(entry.predictedClass, predictedClass);
            if (order == 0) {
                return entry.count;
            }
            if (order < 0) {
                lowIndex = middle + 1;
            } else {
                highIndex = middle - 1;
            }
        }
        return 0;
    }

    /**
     * The {@code limit} most confused pairs: off-diagonal cells by count, highest first; equal
     * counts in order of true class, then predicted class.
     *
     * @return at most {@code limit} entries
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    public List<Entry> mostConfused(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        return entries.stream()
                .filter(entry -> entry.trueClass != entry.predictedClass)
                .sorted(MOST_CONFUSED_FIRST)
                .limit(limit)
                .toList();
    }
}
