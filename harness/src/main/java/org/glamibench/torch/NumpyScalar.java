package org.glamibench.torch;

/** A numpy scalar. */
public record NumpyScalar(String dtype, byte[] data) {
    /** The value as a double. */
    public double doubleValue() {
        throw new UnsupportedOperationException();
    }
}
