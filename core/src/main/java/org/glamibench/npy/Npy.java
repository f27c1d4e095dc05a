package org.glamibench.npy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The NPY format (numpy.lib.format) for C-order vectors and matrices of little-endian float32
 * ({@value #FLOAT32}) or int64 ({@value #INT64}). Writes version 1.0 with a fixed
 * {@link #HEADER_BYTES}-byte header, so the header can be rewritten in place with the final row
 * count; reads versions 1.0, 2.0 and 3.0 as numpy writes them. Every problem is an
 * {@link NpyException} naming the file.
 */
public final class Npy {
    /** Size of the header this class writes; a multiple of 64, as numpy aligns its own. */
    public static final int HEADER_BYTES = 128;
    /** The dtype of little-endian float32. */
    public static final String FLOAT32 = "<f4";
    /** The dtype of little-endian int64. */
    public static final String INT64 = "<i8";

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private Npy() {
    }

    /**
     * A parsed header.
     *
     * @param rows       the first dimension
     * @param columns    the second dimension; 1 for a vector
     * @param dataOffset where the data starts
     */
    public record Header(long rows, int columns, long dataOffset) {
    }

    /** The {@link #HEADER_BYTES}-byte version 1.0 header of a {@code rows x columns} float32 matrix. */
    public static ByteBuffer header(long rows, int columns) {
        return header(FLOAT32, "(" + rows + ", " + columns + ")");
    }

    /** The {@link #HEADER_BYTES}-byte version 1.0 header of an int64 vector of {@code length}. */
    public static ByteBuffer int64VectorHeader(long length) {
        return header(INT64, "(" + length + ",)");
    }

    private static ByteBuffer header(String dtype, String shape) {
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int length = HEADER_BYTES - MAGIC.length - 4;
        StringBuilder text = new StringBuilder(length).append(dict);
        while (text.length() < length - 1) {
            text.append(' ');
        }
        text.append('\n');
        if (text.length() != length) {
            throw new IllegalArgumentException("shape " + shape + " does not fit the header");
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) length);
        header.put(text.toString().getBytes(StandardCharsets.US_ASCII));
        return header.flip();
    }

    /**
     * Reads the header of a C-order little-endian float32 matrix at the start of the channel.
     *
     * @param file names the file in messages
     * @throws NpyException when the file is not an NPY file of such a matrix
     * @throws IOException  when reading fails
     */
    public static Header read(FileChannel channel, String file) throws IOException {
        return read(channel, file, FLOAT32, 2);
    }

    /**
     * Reads the header of a C-order array at the start of the channel.
     *
     * @param dtype {@value #FLOAT32} or {@value #INT64}
     * @param rank  1 for a vector, 2 for a matrix
     * @param file  names the file in messages
     * @throws NpyException when the file is not an NPY file of such an array
     * @throws IOException  when reading fails
     */
    public static Header read(FileChannel channel, String file, String dtype, int rank) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(MAGIC.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, prefix, 0, file);
        for (byte b : MAGIC) {
            if (prefix.get() != b) {
                throw new NpyException(file + ": not an NPY file (no \\x93NUMPY magic)");
            }
        }
        int major = prefix.get();
        int minor = prefix.get();
        int lengthBytes = switch (major) {
            case 1 -> 2;
            case 2, 3 -> 4;
            default -> throw new NpyException(file + ": NPY version " + major + "." + minor
                    + " is not supported (1.0, 2.0 and 3.0 are)");
        };
        ByteBuffer lengthBuffer = ByteBuffer.allocate(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, lengthBuffer, prefix.capacity(), file);
        long length = lengthBytes == 2 ? Short.toUnsignedInt(lengthBuffer.getShort())
                : Integer.toUnsignedLong(lengthBuffer.getInt());
        if (length > 1 << 20) {
            throw new NpyException(file + ": NPY header of " + length + " bytes is implausibly long");
        }
        long start = (long) prefix.capacity() + lengthBytes;
        ByteBuffer text = ByteBuffer.allocate((int) length);
        readFully(channel, text, start, file);
        String header = new String(text.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = new Literal(header, file).dict();
        if (!dict.keySet().equals(Set.of("descr", "fortran_order", "shape"))) {
            throw new NpyException(file + ": NPY header keys are " + dict.keySet()
                    + ", expected descr, fortran_order, shape");
        }
        if (!dtype.equals(dict.get("descr"))) {
            throw new NpyException(file + ": dtype " + dict.get("descr") + " is not little-endian "
                    + (dtype.equals(INT64) ? "int64" : "float32") + " ('" + dtype + "')");
        }
        if (!Boolean.FALSE.equals(dict.get("fortran_order"))) {
            throw new NpyException(file + ": fortran_order must be False (C order)");
        }
        if (!(dict.get("shape") instanceof List<?> shape) || shape.size() != rank) {
            throw new NpyException(file + ": shape " + dict.get("shape") + " is not " + rank + "-dimensional");
        }
        long rows = (Long) shape.get(0);
        long columns = rank == 1 ? 1 : (Long) shape.get(1);
        if (columns > Integer.MAX_VALUE) {
            throw new NpyException(file + ": " + columns + " columns are too many");
        }
        return new Header(rows, (int) columns, start + length);
    }

    /** Reads {@code count} little-endian floats from a position of the channel. */
    public static float[] readFloats(FileChannel channel, long position, int count) throws IOException {
        float[] values = new float[count];
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        long at = position;
        int filled = 0;
        while (filled < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), 4L * (count - filled)));
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, at);
                if (read < 0) {
                    throw new IOException("ends before " + count + " scores");
                }
                at += read;
            }
            FloatBuffer floats = buffer.flip().asFloatBuffer();
            int n = floats.remaining();
            floats.get(values, filled, n);
            filled += n;
        }
        return values;
    }

    /** Reads {@code count} little-endian int64 values from a position of the channel. */
    public static long[] readLongs(FileChannel channel, long position, int count) throws IOException {
        long[] values = new long[count];
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        long at = position;
        int filled = 0;
        while (filled < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), 8L * (count - filled)));
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, at);
                if (read < 0) {
                    throw new IOException("ends before " + count + " values");
                }
                at += read;
            }
            LongBuffer longs = buffer.flip().asLongBuffer();
            int n = longs.remaining();
            longs.get(values, filled, n);
            filled += n;
        }
        return values;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position, String file)
            throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new NpyException(file + ": ends inside the NPY header",
                        new EOFException(file));
            }
            at += read;
        }
        buffer.flip();
    }

    /** The Python literal of an NPY header: a dict of str keys to str, bool or int-tuple values. */
    private static final class Literal {
        private final String text;
        private final String file;
        private int at;

        Literal(String text, String file) {
            this.text = text;
            this.file = file;
        }

        Map<String, Object> dict() {
            Map<String, Object> dict = new LinkedHashMap<>();
            expect('{');
            while (!consume('}')) {
                String key = string();
                expect(':');
                dict.put(key, value());
                if (!consume(',')) {
                    expect('}');
                    break;
                }
            }
            skipSpace();
            if (at != text.length()) {
                throw error("text after the dict");
            }
            return dict;
        }

        private Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw error("a value is missing");
            }
            char c = text.charAt(at);
            if (c == '\'' || c == '"') {
                return string();
            }
            if (consume('(')) {
                List<Long> values = new ArrayList<>();
                while (!consume(')')) {
                    values.add(integer());
                    if (!consume(',')) {
                        expect(')');
                        break;
                    }
                }
                return values;
            }
            for (String word : List.of("True", "False")) {
                if (text.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("True");
                }
            }
            throw error("unexpected '" + c + "'");
        }

        private String string() {
            skipSpace();
            char quote = at < text.length() ? text.charAt(at) : 0;
            int end = quote == '\'' || quote == '"' ? text.indexOf(quote, at + 1) : -1;
            if (end < 0) {
                throw error("a quoted string is expected");
            }
            String value = text.substring(at + 1, end);
            at = end + 1;
            return value;
        }

        private long integer() {
            skipSpace();
            int start = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (start == at || at - start > 18) {
                throw error("a non-negative integer is expected");
            }
            return Long.parseLong(text.substring(start, at));
        }

        private boolean consume(char c) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consume(c)) {
                throw error("'" + c + "' is expected");
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private NpyException error(String problem) {
            return new NpyException(file + ": malformed NPY header at character " + at + ": " + problem
                    + " in " + text.strip());
        }
    }
}
