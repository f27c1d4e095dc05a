package org.glamibench.leakage;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalised texts by which listings are matched: Unicode NFKC, lower case (locale-independent),
 * every run of white space one space, none at either end. Two listings are <b>text twins</b> when
 * their {@link #nameAndDescription} keys are equal; equal {@link #name} keys alone are reported
 * but do not make twins.
 */
public final class TextKeys {
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    /** Joins name and description; a control character that normalised text never holds. */
    private static final char SEPARATOR = '\u001f';

    private TextKeys() {
    }

    /** The normalised text: NFKC, lower case, white space collapsed and trimmed. */
    public static String normalise(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITE_SPACE.matcher(nfkc).replaceAll(" ").strip();
    }

    /** The key of a listing's name. */
    public static String name(String name) {
        return normalise(name);
    }

    /** The key of a listing's name and description together. */
    public static String nameAndDescription(String name, String description) {
        return normalise(name.replace(SEPARATOR, ' ')) + SEPARATOR + normalise(description.replace(SEPARATOR, ' '));
    }
}
