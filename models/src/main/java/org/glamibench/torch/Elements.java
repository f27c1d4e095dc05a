package org.glamibench.torch;

import java.nio.ByteBuffer;

/** Decoding of little-endian storage elements into Java floats and longs, in bulk. */
final class Elements {
    private Elements() {
    }

    /** Decodes {@code count} elements of {@code chunk} (positioned at the first) into {@code out[first..]}. */
    static void toFloats(TorchTensor.DType dtype, ByteBuffer chunk, float[] out, int first, int count) {
        if (dtype == TorchTensor.DType.FLOAT32) {
            chunk.asFloatBuffer().get(out, first, count);
            return;
        }
        for (int i = 0; i < count; i++) {
            out[first + i] = switch (dtype) {
                case FLOAT32 -> chunk.getFloat();
                case FLOAT64 -> (float) chunk.getDouble();
                case FLOAT16 -> halfToFloat(chunk.getShort());
                case BFLOAT16 -> Float.intBitsToFloat((chunk.getShort() & 0xffff) << 16);
                case INT64 -> chunk.getLong();
                case INT32 -> chunk.getInt();
                case INT16 -> chunk.getShort();
                case INT8 -> chunk.get();
                case UINT8, BOOL -> Byte.toUnsignedInt(chunk.get());
            };
        }
    }

    /** As {@link #toFloats}, for integer and bool dtypes only. */
    static void toLongs(TorchTensor.DType dtype, ByteBuffer chunk, long[] out, int first, int count) {
        if (dtype == TorchTensor.DType.INT64) {
            chunk.asLongBuffer().get(out, first, count);
            return;
        }
        for (int i = 0; i < count; i++) {
            out[first + i] = switch (dtype) {
                case INT32 -> chunk.getInt();
                case INT16 -> chunk.getShort();
                case INT8 -> chunk.get();
                case UINT8, BOOL -> Byte.toUnsignedInt(chunk.get());
                default -> throw new IllegalArgumentException(dtype + " is not an integer dtype");
            };
        }
    }

    /** IEEE 754 binary16 to float, exactly (subnormals, infinities and NaN payloads kept). */
    static float halfToFloat(short half) {
        int sign = (half & 0x8000) << 16;
        int exponent = (half >>> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << 13);
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | (exponent + 112) << 23 | mantissa << 13);
    }
}
