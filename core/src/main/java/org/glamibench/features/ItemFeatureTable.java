package org.glamibench.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.glamibench.npy.Npy;
import org.glamibench.npy.NpyException;

/**
 * Precomputed per-item features, joined to items by item id: {@code DIR/}{@value #ITEM_IDS} (int64
 * {@code [n]}, one id per row) and {@code DIR/}{@value #FEATURES} (float32 {@code [n, width]}).
 * Only the ids are held in memory; a row is read from the file when asked for, so a table of
 * several gigabytes costs no heap. Thread-safe.
 *
 * <p>A folder that {@code glami-bench text-features} has not finished (it holds
 * {@value #UNFINISHED}) is refused, as are duplicate ids and files whose shapes disagree.
 */
public final class ItemFeatureTable implements AutoCloseable {
    /** The item ids, in row order. */
    public static final String ITEM_IDS = "item_ids.npy";
    /** The feature rows. */
    public static final String FEATURES = "features.npy";
    /** Present while a writer has not finished the folder. */
    public static final String UNFINISHED = "features.progress.json";

    private final Path dir;
    private final FileChannel channel;
    private final long dataOffset;
    private final int width;
    private final Map<Long, Integer> rowOfItem;

    private ItemFeatureTable(Path dir, FileChannel channel, long dataOffset, int width, Map<Long, Integer> rowOfItem) {
        this.dir = dir;
        this.channel = channel;
        this.dataOffset = dataOffset;
        this.width = width;
        this.rowOfItem = rowOfItem;
    }

    /**
     * Opens the table of a folder.
     *
     * @throws NpyException         naming the file, when a file is missing, not an NPY array of the
     *                              right dtype and rank, shorter than its header says, when the two
     *                              files' row counts differ, an id is listed twice, or the folder
     *                              is unfinished
     * @throws UncheckedIOException when reading fails
     */
    public static ItemFeatureTable open(Path dir) {
        if (Files.exists(dir.resolve(UNFINISHED))) {
            throw new NpyException(dir + ": unfinished (" + UNFINISHED + " is there): run the same glami-bench"
                    + " text-features command again to finish it");
        }
        Path idsFile = dir.resolve(ITEM_IDS);
        Path featuresFile = dir.resolve(FEATURES);
        for (Path file : new Path[] {idsFile, featuresFile}) {
            if (!Files.isRegularFile(file)) {
                throw new NpyException(file + ": no such file (a features folder holds " + ITEM_IDS + " and "
                        + FEATURES + ")");
            }
        }
        long[] ids = readIds(idsFile);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(featuresFile, StandardOpenOption.READ);
            Npy.Header header = Npy.read(channel, featuresFile.toString());
            if (header.rows() != ids.length) {
                throw new NpyException(featuresFile + ": " + header.rows() + " rows, but " + ITEM_IDS + " lists "
                        + ids.length + " item ids");
            }
            long expected = header.dataOffset() + 4L * header.columns() * header.rows();
            if (channel.size() < expected) {
                throw new NpyException(featuresFile + ": " + channel.size() + " bytes, shorter than the " + expected
                        + " its header announces (truncated?)");
            }
            Map<Long, Integer> rowOfItem = new HashMap<>(ids.length * 2);
            for (int row = 0; row < ids.length; row++) {
                Integer earlier = rowOfItem.putIfAbsent(ids[row], row);
                if (earlier != null) {
                    throw new NpyException(idsFile + ": item id " + ids[row] + " is listed twice (rows " + earlier
                            + " and " + row + ")");
                }
            }
            return new ItemFeatureTable(dir, channel, header.dataOffset(), header.columns(), rowOfItem);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, e);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(featuresFile + ": cannot read: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    private static long[] readIds(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Npy.Header header = Npy.read(channel, file.toString(), Npy.INT64, 1);
            if (header.rows() > Integer.MAX_VALUE - 8) {
                throw new NpyException(file + ": " + header.rows() + " ids are too many");
            }
            if (channel.size() < header.dataOffset() + 8 * header.rows()) {
                throw new NpyException(file + ": shorter than the " + header.rows() + " ids its header announces"
                        + " (truncated?)");
            }
            return Npy.readLongs(channel, header.dataOffset(), (int) header.rows());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** Floats per row. */
    public int width() {
        return width;
    }

    /** Rows in the table. */
    public int rows() {
        return rowOfItem.size();
    }

    /**
     * The features of an item.
     *
     * @return its row, or null when the table has no row for that item id
     * @throws UncheckedIOException when reading fails
     */
    public float[] row(long itemId) {
        Integer row = rowOfItem.get(itemId);
        if (row == null) {
            return null;
        }
        try {
            return Npy.readFloats(channel, dataOffset + 4L * width * row, width);
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(FEATURES) + ": cannot read row " + row + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
