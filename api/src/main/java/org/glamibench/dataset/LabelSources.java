package org.glamibench.dataset;

import java.util.List;
import java.util.Set;

/**
 * The published values of the {@code label_source} column ({@link GlamiRow#labelSource()}): where
 * a row's category label came from. The one definition of them; the reader shares these instances
 * instead of allocating a string per row.
 */
public final class LabelSources {
    /** The value {@code admin}, set by people. */
    public static final String ADMIN = "admin";
    /** The value {@code custom-tag}, set by people. */
    public static final String CUSTOM_TAG = "custom-tag";
    /** The value {@code quality-check}, set by people. */
    public static final String QUALITY_CHECK = "quality-check";
    /** The value {@code combined-tag}, from rules. */
    public static final String COMBINED_TAG = "combined-tag";
    /** An empty cell: the label came from rules, with no source named. */
    public static final String EMPTY = "";

    /**
     * Every published value, in this order: {@link #ADMIN}, {@link #CUSTOM_TAG},
     * {@link #QUALITY_CHECK}, {@link #COMBINED_TAG}, {@link #EMPTY}. The order is fixed: trained
     * models use it for their one-hot input positions.
     */
    public static final List<String> PUBLISHED = List.of(ADMIN, CUSTOM_TAG, QUALITY_CHECK, COMBINED_TAG, EMPTY);

    /**
     * The values set by people: {@link #ADMIN}, {@link #CUSTOM_TAG} and {@link #QUALITY_CHECK}; the
     * others come from rules.
     */
    public static final Set<String> HUMAN = Set.of(ADMIN, CUSTOM_TAG, QUALITY_CHECK);

    private static final String[] KNOWN = PUBLISHED.toArray(String[]::new);

    private LabelSources() {
    }

    /** The value of the characters: a shared instance for a published value, else a new String. */
    static String intern(char[] chars, int offset, int length) {
        for (String known : KNOWN) {
            if (equal(known, chars, offset, length)) {
                return known;
            }
        }
        return new String(chars, offset, length);
    }

    private static boolean equal(String known, char[] chars, int offset, int length) {
        if (known.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
