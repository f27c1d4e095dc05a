package org.glamibench.cli;

import java.util.Locale;

/** How numbers are shown to people. */
final class Format {
    private Format() {
    }

    /** A metric in [0, 1] with four decimals, or {@code n/a} when undefined (null or NaN). */
    static String value(Object metric) {
        if (!(metric instanceof Number number) || Double.isNaN(number.doubleValue())) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.4f", number.doubleValue());
    }
}
