package org.glamibench.torch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A numpy scalar, as {@code numpy.core.multiarray.scalar(numpy.dtype(...), bytes)} pickles it (such as a
 * loss saved as {@code numpy.float32}).
 *
 * @param dtype numpy's type string: byte order ({@code <}, {@code >} or {@code |}), kind ({@code f} float,
 *              {@code i} signed, {@code u} unsigned, {@code b} bool) and size in bytes, e.g. {@code <f4}
 * @param data  the value's bytes in that byte order; the record keeps and returns copies
 */
public record NumpyScalar(String dtype, byte[] data) {
    /**
     * @throws IllegalArgumentException when the type string is not one of the numeric ones above, or the
     *                                  data length is not its size
     */
    public NumpyScalar {
        if (!dtype.matches("[<>|](f[248]|[iu][1248]|b1)")) {
            throw new IllegalArgumentException("numpy dtype " + dtype + " is not supported (numeric scalars are)");
        }
        int size = Integer.parseInt(dtype.substring(2));
        if (data.length != size) {
            throw new IllegalArgumentException("numpy " + dtype + " scalar with " + data.length + " bytes");
        }
        data = data.clone();
    }

    /** A copy of the value's bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The value as a double (exact for floats and for integers up to 2^53). */
    public double doubleValue() {
        ByteBuffer buffer = ByteBuffer.wrap(data)
                .order(dtype.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        return switch (dtype.substring(1)) {
            case "f2" -> Elements.halfToFloat(buffer.getShort());
            case "f4" -> buffer.getFloat();
            case "f8" -> buffer.getDouble();
            case "i1" -> buffer.get();
            case "i2" -> buffer.getShort();
            case "i4" -> buffer.getInt();
            case "i8" -> buffer.getLong();
            case "u1", "b1" -> Byte.toUnsignedInt(buffer.get());
            case "u2" -> Short.toUnsignedInt(buffer.getShort());
            case "u4" -> Integer.toUnsignedLong(buffer.getInt());
            case "u8" -> unsignedToDouble(buffer.getLong());
            default -> throw new IllegalStateException("unreachable: " + dtype);
        };
    }

    private static double unsignedToDouble(long value) {
        return value >= 0 ? value : (double) (value >>> 1) * 2.0 + (value & 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NumpyScalar that && dtype.equals(that.dtype) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * dtype.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "numpy " + dtype + " " + doubleValue();
    }
}
