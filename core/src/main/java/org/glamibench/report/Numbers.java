package org.glamibench.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as reports and charts print them. */
public final class Numbers {
    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private Numbers() {
    }

    /**
     * Four significant digits (half up), no exponent and no trailing zeros: {@code 1235},
     * {@code 0.002785}, {@code 24610000}; {@code n/a} for null, NaN or an infinity.
     */
    public static String significant(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return "n/a";
        }
        return new BigDecimal(value).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
    }
}
