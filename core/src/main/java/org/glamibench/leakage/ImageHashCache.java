package org.glamibench.leakage;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glamibench.files.AtomicFiles;

/**
 * Photo signatures remembered per image file, so that a second leakage run over the same photos
 * decodes none of them. An entry is keyed by the file's name and holds its size and modification
 * time: a file whose size or time differs is hashed again. One cache file per images folder;
 * a cache file that is unreadable or of another format version is ignored (and replaced on save).
 * Thread-safe.
 */
public final class ImageHashCache {
    /** Format version; bumped whenever {@link PhotoSignature} changes meaning. */
    static final int VERSION = 1;
    private static final int MAGIC = 0x676c6868; // "glhh"

    private record Entry(long size, long modified, PhotoSignature signature) {
    }

    private final Path file;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private ImageHashCache(Path file) {
        this.file = file;
    }

    /**
     * The cache kept in {@code file}, loaded if it is there and readable.
     *
     * @throws IOException when the file exists but cannot be read
     */
    public static ImageHashCache open(Path file) throws IOException {
        ImageHashCache cache = new ImageHashCache(file);
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return cache;
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long size = in.readLong();
                long modified = in.readLong();
                long whole = in.readLong();
                long centre = in.readLong();
                byte[] colour = new byte[PhotoSignature.COLOUR_BYTES];
                in.readFully(colour);
                cache.entries.put(name, new Entry(size, modified, new PhotoSignature(whole, centre, colour)));
            }
        } catch (NoSuchFileException e) {
            return cache;
        } catch (EOFException | UTFDataFormatException e) {
            cache.entries.clear();
        }
        return cache;
    }

    /** The remembered signature of the file of this name, size and modification time, or null. */
    public PhotoSignature get(String name, long size, long modified) {
        Entry entry = entries.get(name);
        return entry != null && entry.size == size && entry.modified == modified ? entry.signature : null;
    }

    /** Remembers a file's signature. */
    public void put(String name, long size, long modified, PhotoSignature signature) {
        entries.put(name, new Entry(size, modified, signature));
    }

    /** The number of files remembered. */
    public int size() {
        return entries.size();
    }

    /** Writes the cache file (atomically), creating its folder. */
    public void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(entries.size());
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().size);
                out.writeLong(e.getValue().modified);
                out.writeLong(e.getValue().signature.whole());
                out.writeLong(e.getValue().signature.centre());
                out.write(e.getValue().signature.colour());
            }
            out.flush();
        });
    }
}
