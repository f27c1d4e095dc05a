package org.glamibench.metrics;

/**
 * A sum of non-negative doubles kept as a 128-bit fixed-point integer with 80 fraction bits.
 * Integer addition is associative, so the sum does not depend on the order in which terms and
 * partial sums are added: shards merge to exactly the value of one pass, to the bit.
 *
 * <p>Each term is truncated to a multiple of 2<sup>-80</sup> (about 8e-25), exact for terms of
 * at least 2<sup>-28</sup>; the sum must stay below 2<sup>47</sup>. Not thread-safe.
 */
final class FixedPointSum {

    private static final int FRACTION_BITS = 80;
    private static final int MANTISSA_BITS = 52;

    /** Bits 64..127 of the sum in units of 2^-80; stays non-negative. */
    private long high;
    /** Bits 0..63, unsigned. */
    private long low;

    /**
     * Adds one term.
     *
     * @throws IllegalArgumentException when the term is negative, NaN, infinite or at least 2^47
     * @throws ArithmeticException      when the sum reaches 2^47
     */
    void add(double term) {
        if (!(term >= 0 && term < 0x1p47)) {
            throw new IllegalArgumentException("term out of range [0, 2^47): " + term);
        }
        long bits = Double.doubleToRawLongBits(term);
        int biasedExponent = (int) (bits >>> MANTISSA_BITS);
        long mantissa = bits & ((1L << MANTISSA_BITS) - 1);
        int exponent = -1074;
        if (biasedExponent != 0) {
            mantissa |= 1L << MANTISSA_BITS;
            exponent = biasedExponent - 1075;
        }
        // term = mantissa * 2^exponent = mantissa * 2^shift units of 2^-80
        int shift = exponent + FRACTION_BITS;
        if (shift >= 64) {
            add(mantissa << (shift - 64), 0L);
        } else if (shift > 0) {
            add(mantissa >>> (64 - shift), mantissa << shift);
        } else if (shift > -64) {
            add(0L, mantissa >>> -shift);
        }
    }

    /**
     * Adds the other sum to this one; the other is unchanged.
     *
     * @throws ArithmeticException when the sum reaches 2^47
     */
    void add(FixedPointSum other) {
        add(other.high, other.low);
    }

    private void add(long addHigh, long addLow) {
        long newLow = low + addLow;
        long carry = Long.compareUnsigned(newLow, low) < 0 ? 1 : 0;
        long newHigh = high + addHigh + carry;
        if (newHigh < 0) {
            throw new ArithmeticException("fixed-point sum overflow");
        }
        high = newHigh;
        low = newLow;
    }

    /** The sum as a double, within an ulp or so; the same state always gives the same double. */
    double value() {
        // The unsigned low word rounded once: halve it keeping the lost bit sticky, then double.
        double lowValue = low >= 0 ? (double) low : (double) ((low >>> 1) | (low & 1)) * 2.0;
        return Math.scalb((double) high, 64 - FRACTION_BITS) + Math.scalb(lowValue, -FRACTION_BITS);
    }
}
