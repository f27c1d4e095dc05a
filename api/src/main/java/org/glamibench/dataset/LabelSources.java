package org.glamibench.dataset;

/** The published label_source values, shared instead of allocated once per row. */
final class LabelSources {
    private static final String[] KNOWN = {"", "admin", "custom-tag", "quality-check", "combined-tag"};

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
