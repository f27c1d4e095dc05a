package org.glamibench.torch;

/** A tensor of a torch.save file. */
public final class TorchTensor {
    /** Element types. */
    public enum DType { FLOAT32, FLOAT64, FLOAT16, BFLOAT16, INT64, INT32, INT16, INT8, UINT8, BOOL }

    /** The element type. */
    public DType dtype() {
        throw new UnsupportedOperationException();
    }

    /** A copy of the shape. */
    public long[] shape() {
        throw new UnsupportedOperationException();
    }

    /** A copy of the strides, in elements. */
    public long[] stride() {
        throw new UnsupportedOperationException();
    }

    /** The offset in the storage, in elements. */
    public long storageOffset() {
        throw new UnsupportedOperationException();
    }

    /** The number of elements. */
    public long numel() {
        throw new UnsupportedOperationException();
    }

    /** The values as floats, C order. */
    public float[] toFloats() {
        throw new UnsupportedOperationException();
    }

    /** The values as longs, C order. */
    public long[] toLongs() {
        throw new UnsupportedOperationException();
    }

    /** e.g. "float32[512, 2048]". */
    public String describe() {
        throw new UnsupportedOperationException();
    }
}
