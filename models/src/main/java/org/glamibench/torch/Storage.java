package org.glamibench.torch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.ZipEntry;

/**
 * One storage of a torch.save file: the zip entry {@code <archive>/data/<key>} of little-endian elements.
 * Nothing is read until a tensor asks; each read streams the entry again, so tensors that share a
 * storage (tied weights) share this object but no cached copy.
 */
final class Storage {
    /** Receives consecutive elements: {@code chunk} (little-endian, positioned at its first element) holds
     *  {@code count} elements, the ones at {@code first} onwards of the range asked for. */
    interface ChunkConsumer {
        void accept(ByteBuffer chunk, int first, int count);
    }

    private static final int CHUNK_BYTES = 1 << 20;

    private final TorchFile owner;
    private final String key;
    private final ZipEntry entry;
    private final TorchTensor.DType dtype;
    private final long numel;

    Storage(TorchFile owner, String key, ZipEntry entry, TorchTensor.DType dtype, long numel) {
        this.owner = owner;
        this.key = key;
        this.entry = entry;
        this.dtype = dtype;
        this.numel = numel;
    }

    /** The key the file stores it under: {@code data/<key>}. */
    String key() {
        return key;
    }

    TorchTensor.DType dtype() {
        return dtype;
    }

    /** Number of elements. */
    long numel() {
        return numel;
    }

    /** The file it comes from. */
    TorchFile owner() {
        return owner;
    }

    /**
     * Streams elements {@code first .. first + count - 1} to {@code consumer} in chunks of at most 1 MiB.
     *
     * @throws TorchFileException when the entry cannot be read or ends early, or the file is closed
     */
    void stream(long first, long count, ChunkConsumer consumer) {
        int size = dtype.byteSize();
        int elementsPerChunk = CHUNK_BYTES / size;
        byte[] buffer = new byte[(int) Math.min(count, elementsPerChunk) * size];
        try (InputStream in = owner.openEntry(entry)) {
            skipFully(in, first * size);
            long done = 0;
            while (done < count) {
                int elements = (int) Math.min(count - done, elementsPerChunk);
                readFully(in, buffer, elements * size, (first + done) * size);
                consumer.accept(ByteBuffer.wrap(buffer, 0, elements * size).order(ByteOrder.LITTLE_ENDIAN),
                        (int) done, elements);
                owner.countBytesRead(elements * (long) size);
                done += elements;
            }
        } catch (IOException e) {
            throw new TorchFileException(owner.file(), "cannot read storage " + key + " (" + entry.getName() + "): "
                    + e, e);
        }
    }

    private void skipFully(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                throw endsEarly(bytes - left, bytes);
            }
            left -= skipped;
        }
    }

    private void readFully(InputStream in, byte[] buffer, int length, long at) throws IOException {
        int read = in.readNBytes(buffer, 0, length);
        if (read < length) {
            throw endsEarly(at + read, at + length);
        }
    }

    private TorchFileException endsEarly(long available, long needed) {
        return new TorchFileException(owner.file(), "storage " + key + " (" + entry.getName() + ") ends after "
                + available + " bytes; " + needed + " are needed");
    }
}
