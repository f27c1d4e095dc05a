package org.glamibench.torch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A tensor of a torch.save file: a view (shape, strides, offset) onto a {@link Storage}. The values are
 * read from the file only by {@link #toFloats()} and {@link #toLongs()}, on every call; a tensor stays
 * readable until its {@link TorchFile} is closed.
 */
public final class TorchTensor {
    /** Element types, by torch name: FLOAT32 is {@code torch.float32} ({@code torch.FloatStorage}), etc. */
    public enum DType {
        FLOAT32(4), FLOAT64(8), FLOAT16(2), BFLOAT16(2), INT64(8), INT32(4), INT16(2), INT8(1), UINT8(1), BOOL(1);

        private final int byteSize;

        DType(int byteSize) {
            this.byteSize = byteSize;
        }

        int byteSize() {
            return byteSize;
        }

        boolean isFloatingPoint() {
            return this == FLOAT32 || this == FLOAT64 || this == FLOAT16 || this == BFLOAT16;
        }
    }

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final Storage storage;
    private final long storageOffset;
    private final long[] shape;
    private final long[] stride;
    private final long numel;

    /**
     * A view onto {@code storage}.
     *
     * @throws IllegalArgumentException when shape and stride differ in rank, a size, stride or the offset
     *                                  is negative, or the view reaches beyond the storage
     */
    TorchTensor(Storage storage, long storageOffset, long[] shape, long[] stride) {
        this.storage = storage;
        this.storageOffset = storageOffset;
        this.shape = shape.clone();
        this.stride = stride.clone();
        if (shape.length != stride.length) {
            throw new IllegalArgumentException("size " + Arrays.toString(shape) + " and stride "
                    + Arrays.toString(stride) + " differ in rank");
        }
        boolean negative = Arrays.stream(shape).anyMatch(s -> s < 0) || Arrays.stream(stride).anyMatch(s -> s < 0);
        if (storageOffset < 0 || negative) {
            throw new IllegalArgumentException("negative offset, size or stride: offset " + storageOffset + ", size "
                    + Arrays.toString(shape) + ", stride " + Arrays.toString(stride));
        }
        try {
            long count = 1;
            long last = storageOffset;
            for (int d = 0; d < shape.length; d++) {
                count = Math.multiplyExact(count, shape[d]);
                if (shape[d] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(shape[d] - 1, stride[d]));
                }
            }
            this.numel = count;
            if (count > 0 && last >= storage.numel()) {
                throw new IllegalArgumentException("storage " + storage.key() + " holds " + storage.numel() + " "
                        + describeDtype() + " elements; a tensor of size " + Arrays.toString(shape) + ", stride "
                        + Arrays.toString(stride) + " at offset " + storageOffset + " needs " + (last + 1));
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("size " + Arrays.toString(shape) + " with stride "
                    + Arrays.toString(stride) + " overflows", e);
        }
    }

    /** The element type (that of its storage). */
    public DType dtype() {
        return storage.dtype();
    }

    /** A copy of the shape; empty for a 0-d tensor. */
    public long[] shape() {
        return shape.clone();
    }

    /** A copy of the strides, in elements. */
    public long[] stride() {
        return stride.clone();
    }

    /** Where the view starts in its storage, in elements. */
    public long storageOffset() {
        return storageOffset;
    }

    /** The number of elements: the product of the shape (1 for a 0-d tensor). */
    public long numel() {
        return numel;
    }

    /**
     * The values in C order, converted to float (as torch's {@code .float()} rounds); reads the storage now.
     *
     * @throws TorchFileException when the tensor has more elements than a Java array holds, or the storage
     *                            cannot be read (file closed, entry shorter than its header said)
     */
    public float[] toFloats() {
        float[] values = new float[arrayLength()];
        copy((chunk, first, count) -> Elements.toFloats(dtype(), chunk, values, first, count));
        return values;
    }

    /**
     * The values in C order, as longs (bool as 0 or 1, uint8 unsigned); reads the storage now.
     *
     * @throws TorchFileException for a floating-point dtype, and as {@link #toFloats()}
     */
    public long[] toLongs() {
        if (dtype().isFloatingPoint()) {
            throw new TorchFileException(storage.owner().file(), "tensor " + describe() + " (storage "
                    + storage.key() + ") holds floating-point values, not integers");
        }
        long[] values = new long[arrayLength()];
        copy((chunk, first, count) -> Elements.toLongs(dtype(), chunk, values, first, count));
        return values;
    }

    /** The dtype and shape for messages, e.g. {@code float32[512, 2048]}; {@code float32[]} for a 0-d tensor. */
    public String describe() {
        return describeDtype() + Arrays.stream(shape).mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String toString() {
        return "tensor " + describe();
    }

    private String describeDtype() {
        return storage.dtype().name().toLowerCase(java.util.Locale.ROOT);
    }

    private int arrayLength() {
        if (numel > MAX_ARRAY) {
            throw new TorchFileException(storage.owner().file(), "tensor " + describe() + " (storage "
                    + storage.key() + ") has more elements than a Java array holds");
        }
        return (int) numel;
    }

    /** Hands the elements, in C order, to {@code consumer}: streamed when contiguous, else gathered. */
    private void copy(Storage.ChunkConsumer consumer) {
        if (numel == 0) {
            return;
        }
        if (isContiguous()) {
            storage.stream(storageOffset, numel, consumer);
            return;
        }
        consumer.accept(gather(), 0, (int) numel);
    }

    private boolean isContiguous() {
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** The elements of a non-contiguous view, copied in C order out of the storage span it covers. */
    private ByteBuffer gather() {
        int size = dtype().byteSize();
        long span = 1;
        for (int d = 0; d < shape.length; d++) {
            span += (shape[d] - 1) * stride[d];
        }
        if (span * size > MAX_ARRAY || numel * size > MAX_ARRAY) {
            throw new TorchFileException(storage.owner().file(), "non-contiguous tensor " + describe() + " (storage "
                    + storage.key() + ") spans more than 2 GiB");
        }
        byte[] source = new byte[(int) (span * size)];
        storage.stream(storageOffset, span, (chunk, first, count) -> chunk.get(source, first * size, count * size));
        byte[] target = new byte[(int) numel * size];
        long[] index = new long[shape.length];
        long at = 0;
        for (int i = 0; i < numel; i++) {
            System.arraycopy(source, (int) (at * size), target, i * size, size);
            for (int d = shape.length - 1; d >= 0; d--) {
                index[d]++;
                at += stride[d];
                if (index[d] < shape[d]) {
                    break;
                }
                at -= stride[d] * shape[d];
                index[d] = 0;
            }
        }
        return ByteBuffer.wrap(target).order(ByteOrder.LITTLE_ENDIAN);
    }
}
