package org.glamibench.torch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An opened torch.save file (the zip format of torch >= 1.6, which Hugging Face's {@code pytorch_model.bin}
 * also uses); storages are read lazily from the zip, only when a tensor's data is asked for.
 *
 * <p>The zip holds {@code <archive>/data.pkl} (a protocol-2 pickle of the saved object, tensors standing in
 * as persistent ids), {@code <archive>/data/<key>} (one raw little-endian storage each) and
 * {@code <archive>/version}, sometimes {@code <archive>/byteorder}. Closing the file closes the zip: tensors
 * of {@link #root()} cannot be read after that.
 */
public final class TorchFile implements AutoCloseable {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final int PICKLE_PROTO = 0x80;

    private final Path file;
    private final ZipFile zip;
    private final String archive;
    private final Map<String, Storage> storages = new HashMap<>();
    private final AtomicLong storageBytesRead = new AtomicLong();
    private final Object root;
    private volatile boolean closed;

    private TorchFile(Path file, ZipFile zip, String archive) {
        this.file = file;
        this.zip = zip;
        this.archive = archive;
        checkByteOrder();
        String pickle = archive + "/data.pkl";
        this.root = Unpickler.load(readEntry(zip.getEntry(pickle)), file, pickle, this::loadStorage);
    }

    /**
     * Opens {@code file} and unpickles its object; reads no storage.
     *
     * @throws TorchFileException (naming the file) when it cannot be read, is not a zip, is a legacy
     *                            (pre-1.6) torch.save file, is a truncated or corrupt zip, has no single
     *                            {@code <archive>/data.pkl}, declares big-endian storages, or its pickle uses
     *                            an opcode or global this reader does not support (named in the message) or
     *                            points at a storage that is missing or too short
     */
    public static TorchFile open(Path file) {
        checkMagic(file);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new TorchFileException(file, "not a readable zip (truncated or corrupt?): " + e.getMessage(), e);
        }
        try {
            return new TorchFile(file, zip, findArchive(file, zip));
        } catch (RuntimeException e) {
            closeQuietly(zip, e);
            throw e;
        }
    }

    /** The file as given to {@link #open}. */
    public Path file() {
        return file;
    }

    /**
     * The unpickled object: dict and {@code collections.OrderedDict} as {@code LinkedHashMap<Object, Object>}
     * (insertion order kept; an OrderedDict's attributes such as {@code _metadata} dropped); list as
     * {@code ArrayList<Object>}; tuple and {@code torch.Size} as an unmodifiable {@code List<Object>}; set and
     * frozenset as an unmodifiable {@code Set<Object>}; str as {@code String}; int as {@code Long}
     * ({@code BigInteger} when it does not fit); float as {@code Double}; bool as {@code Boolean}; None as
     * {@code null}; bytes as {@code byte[]}; tensor (and {@code nn.Parameter}) as {@link TorchTensor}; numpy
     * scalar as {@link NumpyScalar}.
     */
    public Object root() {
        return root;
    }

    /** Closes the zip; tensors of this file throw {@link TorchFileException} when read afterwards. */
    @Override
    public void close() {
        closed = true;
        try {
            zip.close();
        } catch (IOException e) {
            throw new TorchFileException(file, "cannot close: " + e, e);
        }
    }

    /** Bytes of storage data read so far, for tests that check what is read lazily. */
    long storageBytesRead() {
        return storageBytesRead.get();
    }

    void countBytesRead(long bytes) {
        storageBytesRead.addAndGet(bytes);
    }

    /** A stream of {@code entry}'s data; the caller closes it. */
    InputStream openEntry(ZipEntry entry) throws IOException {
        if (closed) {
            throw new TorchFileException(file, "closed: cannot read " + entry.getName());
        }
        try {
            return zip.getInputStream(entry);
        } catch (IllegalStateException e) {
            throw new TorchFileException(file, "closed: cannot read " + entry.getName(), e);
        }
    }

    private static void checkMagic(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(ZIP_MAGIC.length);
        } catch (IOException e) {
            throw new TorchFileException(file, "cannot read: " + e, e);
        }
        if (Arrays.equals(head, ZIP_MAGIC)) {
            return;
        }
        if (head.length > 0 && (head[0] & 0xff) == PICKLE_PROTO) {
            throw new TorchFileException(file, "a bare pickle, not a zip: legacy torch.save format; re-save it"
                    + " with torch >= 1.6");
        }
        throw new TorchFileException(file, "not a zip file (a torch.save file of torch >= 1.6 is a zip)");
    }

    private static String findArchive(Path file, ZipFile zip) {
        List<String> pickles = zip.stream().map(ZipEntry::getName)
                .filter(name -> name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - "/data.pkl".length())
                .toList();
        if (pickles.size() != 1) {
            throw new TorchFileException(file, pickles.isEmpty()
                    ? "no <archive>/data.pkl entry: not a torch.save file"
                    : "more than one <archive>/data.pkl entry: " + pickles);
        }
        String pickle = pickles.get(0);
        return pickle.substring(0, pickle.length() - "/data.pkl".length());
    }

    private void checkByteOrder() {
        ZipEntry entry = zip.getEntry(archive + "/byteorder");
        if (entry == null) {
            return;
        }
        String order = new String(readEntry(entry), StandardCharsets.US_ASCII).strip();
        if (!order.equals("little")) {
            throw new TorchFileException(file, entry.getName() + " says '" + order
                    + "': only little-endian storages are supported");
        }
    }

    private byte[] readEntry(ZipEntry entry) {
        try (InputStream in = openEntry(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new TorchFileException(file, "cannot read " + entry.getName() + ": " + e, e);
        }
    }

    /** The persistent-id loader: {@code ('storage', storage type, key, location, numel)}, one Storage per key. */
    private Object loadStorage(Object pid) {
        if (!(pid instanceof List<?> tuple) || tuple.size() != 5 || !"storage".equals(tuple.get(0))) {
            throw new IllegalArgumentException("persistent id " + PickleGlobals.typeName(pid)
                    + " is not ('storage', type, key, location, numel)");
        }
        if (!(tuple.get(1) instanceof PickleGlobals.StorageType type)) {
            throw new IllegalArgumentException("storage type " + PickleGlobals.typeName(tuple.get(1))
                    + " is not supported");
        }
        if (!(tuple.get(2) instanceof String key) || !(tuple.get(4) instanceof Long numel) || numel < 0) {
            throw new IllegalArgumentException("storage key and numel must be a str and an int >= 0");
        }
        Storage known = storages.get(key);
        if (known != null) {
            if (known.dtype() != type.dtype() || known.numel() != numel) {
                throw new IllegalArgumentException("storage " + key + " is named both as " + known.numel() + " "
                        + known.dtype() + " and as " + numel + " " + type.dtype() + " elements");
            }
            return known;
        }
        String name = archive + "/data/" + key;
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IllegalArgumentException("storage " + key + ": no entry " + name);
        }
        long needed = Math.multiplyExact(numel, (long) type.dtype().byteSize());
        if (entry.getSize() < needed) {
            throw new IllegalArgumentException("storage " + key + ": entry " + name + " holds " + entry.getSize()
                    + " bytes; its " + numel + " " + type.name() + " elements need " + needed);
        }
        Storage storage = new Storage(this, key, entry, type.dtype(), numel);
        storages.put(key, storage);
        return storage;
    }

    private static void closeQuietly(ZipFile zip, RuntimeException failure) {
        try {
            zip.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
