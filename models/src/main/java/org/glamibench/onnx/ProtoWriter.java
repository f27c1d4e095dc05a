package org.glamibench.onnx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One protocol buffer message being encoded, field by field, in the wire format: varint fields
 * (wire type 0) and length-delimited fields (wire type 2: bytes, strings, embedded messages). Repeated
 * scalar fields are written one element per field, as proto2 declares them unpacked. Not thread-safe.
 */
public final class ProtoWriter {
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** Appends an integer field (int32, int64 or enum), negative values as ten-byte two's complement. */
    public ProtoWriter integer(int field, long value) {
        tag(field, VARINT);
        varint(bytes, value);
        return this;
    }

    /** Appends one integer field per value, in order. */
    public ProtoWriter integers(int field, long... values) {
        for (long value : values) {
            integer(field, value);
        }
        return this;
    }

    /** Appends a string field, UTF-8 encoded. */
    public ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends a bytes field. */
    public ProtoWriter bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        varint(bytes, value.length);
        bytes.writeBytes(value);
        return this;
    }

    /** Appends a bytes field holding float32 values, little-endian (ONNX's raw_data layout). */
    public ProtoWriter floatsLittleEndian(int field, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(Math.multiplyExact(values.length, Float.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return bytes(field, buffer.array());
    }

    /** Appends an embedded message field. */
    public ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /** The encoded fields so far. */
    public byte[] toByteArray() {
        return bytes.toByteArray();
    }

    /**
     * Writes the header of a length-delimited field of {@code length} bytes, whose content the caller
     * writes next: lets a large embedded message be streamed from parts.
     *
     * @throws IOException when the stream fails
     */
    public static void lengthDelimitedHeader(OutputStream out, int field, long length) throws IOException {
        varint(out, (long) field << 3 | LENGTH_DELIMITED);
        varint(out, length);
    }

    private void tag(int field, int wireType) {
        varint(bytes, (long) field << 3 | wireType);
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        try {
            varint((OutputStream) out, value);
        } catch (IOException e) {
            throw new AssertionError("a byte array stream does not fail", e);
        }
    }

    private static void varint(OutputStream out, long value) throws IOException {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
    }
}
