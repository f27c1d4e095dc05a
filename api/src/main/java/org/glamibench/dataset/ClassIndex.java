package org.glamibench.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
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
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        digest.update(HASH_HEADER.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < categories.length; i++) {
            digest.update((categories[i] + "\t" + names[i] + "\n").getBytes(StandardCharsets.UTF_8));
        }
        this.sha256 = HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A class index of the given categories and names.
     *
     * @param namesById the category name (slug) of each category id, in any order; copied
     * @param source    the split it was built from
     * @return the index of these categories, ids ascending
     * @throws IllegalArgumentException when there is no category
     * @throws NullPointerException     when {@code source} or a category id is null
     */
    public static ClassIndex of(Map<Integer, String> namesById, Split source) {
        if (namesById.isEmpty()) {
            throw new IllegalArgumentException("a class index needs at least one category");
        }
        return new ClassIndex(new TreeMap<>(namesById), source);
    }

    /** {@return the number of classes, the length of every score vector} */
    public int size() {
        return categories.length;
    }

    /**
     * The category id at an index.
     *
     * @param index a class index, {@code 0} to {@code size() - 1}
     * @return the category id scored at {@code index}
     * @throws IndexOutOfBoundsException when {@code index} is outside the index
     */
    public int category(int index) {
        return categories[index];
    }

    /**
     * The category name (slug) at an index.
     *
     * @param index a class index, {@code 0} to {@code size() - 1}
     * @return the {@code category_name} of the category at {@code index}
     * @throws IndexOutOfBoundsException when {@code index} is outside the index
     */
    public String name(int index) {
        return names[index];
    }

    /**
     * The index of a category id.
     *
     * @param category a category id
     * @return its class index, or -1 when the category is not in this index
     */
    public int indexOf(int category) {
        int index = Arrays.binarySearch(categories, category);
        return index >= 0 ? index : -1;
    }

    /** {@return the category ids in index order, as an unmodifiable copy} */
    public List<Integer> categories() {
        return Arrays.stream(categories).boxed().toList();
    }

    /** {@return the split this index was built from} */
    public Split source() {
        return source;
    }

    /** {@return the identity of this index, 64 lower-case hex digits (see the class javadoc)} */
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
}
