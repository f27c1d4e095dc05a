package org.glamibench.isolation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.OutputKind;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.Split;
import org.glamibench.image.RgbImage;

/**
 * The wire between the harness and an adapter's child JVM: length-prefixed binary frames on the
 * child's standard input (requests) and standard output (answers).
 *
 * <p>A frame is the magic {@code GBF1} (4 bytes), the message type (1 byte), the payload length
 * (4 bytes, big-endian; at most {@value #REQUEST_LIMIT} bytes for a request, {@value #ANSWER_LIMIT}
 * for an answer), the payload, and the payload's CRC-32 (4 bytes): anything else on the child's standard output (a stray print to the real file
 * descriptor, a crash report) is garbage, never mistaken for an answer. Inside payloads, integers
 * are big-endian, floats their raw IEEE bits (NaN stays NaN), strings a length (-1 for null) and
 * UTF-8 bytes.
 *
 * <p>The conversation: the child starts with {@link Type#HELLO} (the jar's adapters) or
 * {@link Type#LOAD_FAILED}; then {@link Type#OPEN} is answered by {@link Type#OPENED} or
 * {@link Type#THREW}, each {@link Type#BATCH} (the items' inputs only: pixels, texts, geo and
 * label source, never a category or an item id) by {@link Type#SCORES} or {@link Type#THREW},
 * {@link Type#CLOSE} by {@link Type#CLOSED} or {@link Type#THREW}. The child ends when its
 * standard input ends.
 */
final class ChildProtocol {
    /** {@code "GBF1"}. */
    static final int MAGIC = 0x47424631;
    /** The largest request the child accepts: a batch of 4,096 GLAMI images (228x298) fits. */
    static final int REQUEST_LIMIT = 1 << 30;
    /** The largest answer the harness accepts: the scores of a batch of 16,384 items over 1,000 classes fit. */
    static final int ANSWER_LIMIT = 64 << 20;

    private ChildProtocol() {
    }

    /** The message types. */
    enum Type {
        /** Child: the adapters of the jar, in service order. */
        HELLO(1),
        /** Child: the jar's adapters cannot be loaded; the message says why. */
        LOAD_FAILED(2),
        /** Harness: open the named adapter with this context. */
        OPEN(3),
        /** Child: opened; the descriptor as the adapter gives it after open. */
        OPENED(4),
        /** Harness: prepare and score these items. */
        BATCH(5),
        /** Child: one score vector per item (the adapter's raw output, nulls kept). */
        SCORES(6),
        /** Child: open, prepare, predict or close threw. */
        THREW(7),
        /** Harness: close the adapter. */
        CLOSE(8),
        /** Child: closed. */
        CLOSED(9);

        private final int code;

        Type(int code) {
            this.code = code;
        }

        static Type of(int code) {
            for (Type type : values()) {
                if (type.code == code) {
                    return type;
                }
            }
            return null;
        }
    }

    /** One message. */
    record Frame(Type type, byte[] payload) {
    }

    /** Bytes on the wire that are not a frame. */
    static final class GarbageException extends IOException {
        GarbageException(String message) {
            super(message);
        }
    }

    /** Writes one frame and flushes. */
    static void write(OutputStream out, Type type, byte[] payload) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer head = ByteBuffer.allocate(9).putInt(MAGIC).put((byte) type.code).putInt(payload.length);
        out.write(head.array());
        out.write(payload);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.flush();
    }

    /**
     * Reads one frame.
     *
     * @param limit the largest payload accepted
     * @return the frame, or null when the stream ended before one began
     * @throws GarbageException when the bytes are not a frame
     * @throws EOFException     when the stream ended inside a frame
     */
    static Frame read(DataInputStream in, int limit) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int magic = first << 24 | in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
        if (magic != MAGIC) {
            throw new GarbageException(String.format("bytes %08x where a frame should begin", magic));
        }
        int code = in.readUnsignedByte();
        Type type = Type.of(code);
        if (type == null) {
            throw new GarbageException("unknown message type " + code);
        }
        int length = in.readInt();
        if (length < 0 || length > limit) {
            throw new GarbageException("payload length " + length + " out of range");
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("the stream ended inside a " + type + " frame");
        }
        CRC32 crc = new CRC32();
        crc.update(payload);
        if (in.readInt() != (int) crc.getValue()) {
            throw new GarbageException("checksum mismatch in a " + type + " frame");
        }
        return new Frame(type, payload);
    }

    // ---- payloads

    /** What the harness asks the child to open. */
    record OpenRequest(String adapter, AdapterContext context, int prepareThreads) {
    }

    /** What threw in the child: the phase, the throwable's {@code toString()} and its message. */
    record Threw(String phase, String text, String message) {
    }

    static byte[] hello(List<AdapterDescriptor> descriptors) {
        return encode(out -> {
            out.writeInt(descriptors.size());
            for (AdapterDescriptor descriptor : descriptors) {
                writeDescriptor(out, descriptor);
            }
        });
    }

    static List<AdapterDescriptor> readHello(byte[] payload) throws IOException {
        DataInputStream in = decode(payload);
        int count = in.readInt();
        List<AdapterDescriptor> descriptors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            descriptors.add(readDescriptor(in));
        }
        return descriptors;
    }

    static byte[] text(String text) {
        return encode(out -> writeString(out, text));
    }

    static String readText(byte[] payload) throws IOException {
        return readString(decode(payload));
    }

    static byte[] open(OpenRequest request) {
        AdapterContext context = request.context();
        return encode(out -> {
            writeString(out, request.adapter());
            out.writeInt(request.prepareThreads());
            ClassIndex classes = context.classIndex();
            out.writeUTF(classes.source().name());
            out.writeInt(classes.size());
            for (int c = 0; c < classes.size(); c++) {
                out.writeInt(classes.category(c));
                writeString(out, classes.name(c));
            }
            out.writeBoolean(context.device().gpu());
            out.writeInt(context.device().index());
            writeString(out, context.cacheDir().toString());
            Map<String, String> options = new TreeMap<>(context.options());
            out.writeInt(options.size());
            for (Map.Entry<String, String> option : options.entrySet()) {
                writeString(out, option.getKey());
                writeString(out, option.getValue());
            }
            out.writeLong(context.seed());
            writeString(out, context.trainCsv().map(Path::toString).orElse(null));
        });
    }

    static OpenRequest readOpen(byte[] payload) throws IOException {
        DataInputStream in = decode(payload);
        String adapter = readString(in);
        int prepareThreads = in.readInt();
        Split source = Split.valueOf(in.readUTF());
        int size = in.readInt();
        Map<Integer, String> names = new LinkedHashMap<>();
        for (int c = 0; c < size; c++) {
            names.put(in.readInt(), readString(in));
        }
        boolean gpu = in.readBoolean();
        int deviceIndex = in.readInt();
        DeviceSpec device = gpu ? new DeviceSpec(true, deviceIndex) : DeviceSpec.CPU;
        Path cacheDir = Path.of(readString(in));
        int optionCount = in.readInt();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < optionCount; i++) {
            options.put(readString(in), readString(in));
        }
        long seed = in.readLong();
        String train = readString(in);
        AdapterContext context = new AdapterContext(ClassIndex.of(names, source), device, cacheDir, options, seed,
                Optional.ofNullable(train).map(Path::of));
        return new OpenRequest(adapter, context, prepareThreads);
    }

    static byte[] descriptor(AdapterDescriptor descriptor) {
        return encode(out -> writeDescriptor(out, descriptor));
    }

    static AdapterDescriptor readDescriptor(byte[] payload) throws IOException {
        return readDescriptor(decode(payload));
    }

    static byte[] batch(List<ItemInput> items) {
        int sizeHint = 4;
        for (ItemInput item : items) {
            sizeHint += 256 + (item.image() == null ? 0 : item.image().pixels().length);
        }
        return encode(sizeHint, out -> {
            out.writeInt(items.size());
            for (ItemInput item : items) {
                RgbImage image = item.image();
                out.writeBoolean(image != null);
                if (image != null) {
                    out.writeInt(image.width());
                    out.writeInt(image.height());
                    out.write(image.pixels());
                }
                writeString(out, item.name());
                writeString(out, item.description());
                out.writeUTF(item.geo().code());
                writeString(out, item.labelSource());
            }
        });
    }

    static List<ItemInput> readBatch(byte[] payload) throws IOException {
        DataInputStream in = decode(payload);
        int count = in.readInt();
        List<ItemInput> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RgbImage image = null;
            if (in.readBoolean()) {
                int width = in.readInt();
                int height = in.readInt();
                byte[] pixels = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
                in.readFully(pixels);
                image = new RgbImage(width, height, pixels);
            }
            String name = readString(in);
            String description = readString(in);
            String code = in.readUTF();
            Geo geo = Geo.fromCode(code).orElseThrow(() -> new IOException("unknown geo " + code));
            items.add(new ItemInput(image, name, description, geo, readString(in)));
        }
        return items;
    }

    static byte[] scores(float[][] scores) {
        return encode(out -> {
            out.writeInt(scores == null ? -1 : scores.length);
            if (scores == null) {
                return;
            }
            for (float[] vector : scores) {
                out.writeInt(vector == null ? -1 : vector.length);
                if (vector != null) {
                    ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
                    bytes.asFloatBuffer().put(vector);
                    out.write(bytes.array());
                }
            }
        });
    }

    static float[][] readScores(byte[] payload) throws IOException {
        DataInputStream in = decode(payload);
        int count = in.readInt();
        if (count < 0) {
            return null;
        }
        float[][] scores = new float[count][];
        for (int i = 0; i < count; i++) {
            int length = in.readInt();
            if (length >= 0) {
                byte[] bytes = new byte[Math.multiplyExact(length, Float.BYTES)];
                in.readFully(bytes);
                scores[i] = new float[length];
                ByteBuffer.wrap(bytes).asFloatBuffer().get(scores[i]);
            }
        }
        return scores;
    }

    static byte[] threw(String phase, Throwable thrown) {
        return encode(out -> {
            writeString(out, phase);
            writeString(out, thrown.toString());
            writeString(out, thrown.getMessage());
        });
    }

    static Threw readThrew(byte[] payload) throws IOException {
        DataInputStream in = decode(payload);
        return new Threw(readString(in), readString(in), readString(in));
    }

    private static void writeDescriptor(DataOutputStream out, AdapterDescriptor d) throws IOException {
        writeString(out, d.name());
        writeString(out, d.version());
        out.writeUTF(d.modality().name());
        out.writeUTF(d.output().name());
        out.writeLong(d.parameterCount() == null ? -1 : d.parameterCount());
        writeString(out, d.license());
        writeString(out, d.weightsSha256());
        writeString(out, d.description());
    }

    private static AdapterDescriptor readDescriptor(DataInputStream in) throws IOException {
        String name = readString(in);
        String version = readString(in);
        Modality modality = Modality.valueOf(in.readUTF());
        OutputKind output = OutputKind.valueOf(in.readUTF());
        long parameters = in.readLong();
        try {
            return new AdapterDescriptor(name, version, modality, output, parameters < 0 ? null : parameters,
                    readString(in), readString(in), readString(in));
        } catch (RuntimeException e) {
            throw new IOException("bad descriptor: " + e.getMessage(), e);
        }
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Writes a payload. */
    private interface PayloadWriter {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] encode(PayloadWriter writer) {
        return encode(64, writer);
    }

    private static byte[] encode(int sizeHint, PayloadWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static DataInputStream decode(byte[] payload) {
        return new DataInputStream(new ByteArrayInputStream(payload));
    }
}
