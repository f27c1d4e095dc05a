package org.glamibench.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The classes of GLAMI-1M in the order models score them: category ids ascending, the order of
 * the published EmbraceNet checkpoint ({@code pd.get_dummies} on the train split). Index {@code i}
 * of a score vector is the category {@link #category(int)}.
 *
 * <p>Its {@link #sha256()} identifies it: SHA-256 over the UTF-8 text
 * {@code "glami-bench-class-index-v1\n"} followed by {@code "<category>\t<category_name>\n"} per
 * class in index order. Immutable and thread-safe.
 */
public final class ClassIndex {
    private static final String HASH_HEADER = "glami-bench-class-index-v1\n";

    private final int[] categories;
    private final String[] names;
    private final Split source;
    private final String sha256;

    private ClassIndex(SortedMap<Integer, String> namesById, Split source) {
        this.categories = namesById.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.names = namesById.values().toArray(String[]::new);
        this.source = Objects.requireNonNull(source, "source");
        MessageDigest digest = Sha256.newDigest();
        digest.update(HASH_HEADER.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < categories.length; i++) {
            digest.update((categories[i] + "\t" + names[i] + "\n").getBytes(StandardCharsets.UTF_8));
        }
        this.sha256 = Sha256.hex(digest.digest());
    }

    /**
     * A class index of the given categories and names.
     *
     * @param source the split it was built from
     * @throws IllegalArgumentException when there is no category
     */
    public static ClassIndex of(Map<Integer, String> namesById, Split source) {
        if (namesById.isEmpty()) {
            throw new IllegalArgumentException("a class index needs at least one category");
        }
        return new ClassIndex(new TreeMap<>(namesById), source);
    }

    /**
     * Builds the class index of a dataset from its train split when present, else its test split,
     * by reading that CSV (with the given handling of bad rows).
     *
     * @throws DatasetException for a bad row in strict mode, or when the split has no valid row
     */
    public static ClassIndex read(DatasetLayout layout, GlamiCsvReader.Mode mode) {
        Split source = layout.has(Split.TRAIN) ? Split.TRAIN : Split.TEST;
        Collector collector = new Collector(source);
        try (GlamiCsvReader reader = GlamiCsvReader.open(layout.csv(source), mode)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                collector.add(row);
            }
        }
        return collector.build(layout.csv(source).toString());
    }

    /** Number of classes. */
    public int size() {
        return categories.length;
    }

    /** The category id at an index. */
    public int category(int index) {
        return categories[index];
    }

    /** The category name (slug) at an index. */
    public String name(int index) {
        return names[index];
    }

    /** The index of a category id, or -1 when the category is not in this index. */
    public int indexOf(int category) {
        int index = Arrays.binarySearch(categories, category);
        return index >= 0 ? index : -1;
    }

    /** The category ids in index order (a copy). */
    public List<Integer> categories() {
        return Arrays.stream(categories).boxed().toList();
    }

    /** The split this index was built from. */
    public Split source() {
        return source;
    }

    /** The identity of this index, in lower-case hex (see the class javadoc). */
    public String sha256() {
        return sha256;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassIndex that && Arrays.equals(categories, that.categories)
                && Arrays.equals(names, that.names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(categories);
    }

    @Override
    public String toString() {
        return "ClassIndex[" + categories.length + " classes from " + source.label() + ", sha256=" + sha256 + "]";
    }

    /** Collects the categories of rows as they stream by. Not thread-safe. */
    public static final class Collector {
        private final SortedMap<Integer, String> namesById = new TreeMap<>();
        private final Split source;

        /** A collector for rows of the given split. */
        public Collector(Split source) {
            this.source = source;
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
            return new ClassIndex(namesById, source);
        }
    }
}
