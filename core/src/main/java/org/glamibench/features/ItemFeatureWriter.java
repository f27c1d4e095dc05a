package org.glamibench.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glamibench.files.JsonFiles;
import org.glamibench.files.Sha256;
import org.glamibench.npy.Npy;

/**
 * Writes an {@link ItemFeatureTable} row by row, resumably. {@link #open} lays out the folder for
 * all the items at once: {@value ItemFeatureTable#ITEM_IDS}, the header of
 * {@value ItemFeatureTable#FEATURES} with its final shape, and {@value ItemFeatureTable#UNFINISHED},
 * which says how many rows are written (updated after each {@link #append}, once the rows are on
 * disk) and for what: the writer's identity (model, settings, split) and the ids. Opening the same
 * folder again with the same identity and ids continues after the last recorded row; with another,
 * it is refused. {@link #finish} writes {@code features.json} (the identity, rows and width) and
 * removes the progress file, and only then do readers accept the folder.
 */
public final class ItemFeatureWriter implements AutoCloseable {
    /** The description of a finished folder. */
    public static final String DESCRIPTION = "features.json";

    private final Path dir;
    private final FileChannel channel;
    private final int width;
    private final int rows;
    private final Map<String, Object> progress;
    private int done;

    private ItemFeatureWriter(Path dir, FileChannel channel, int width, int rows, Map<String, Object> progress,
                              int done) {
        this.dir = dir;
        this.channel = channel;
        this.width = width;
        this.rows = rows;
        this.progress = progress;
        this.done = done;
    }

    /**
     * Opens a folder for the table of these items, creating it, resuming it, or finding it finished
     * ({@link #done()} then equals {@link #rows()}).
     *
     * @param identity what the rows are computed with (model files' SHA-256, settings, split): a
     *                 folder written with another identity or other ids is refused
     * @throws IllegalArgumentException naming the folder, when it holds another table or other files
     * @throws UncheckedIOException     when writing fails
     */
    public static ItemFeatureWriter open(Path dir, long[] itemIds, int width, Map<String, Object> identity) {
        Map<String, Object> expected = new LinkedHashMap<>(identity);
        expected.put("rows", itemIds.length);
        expected.put("width", width);
        expected.put("item_ids_sha256", idsSha256(itemIds));
        try {
            Files.createDirectories(dir);
            Path progressFile = dir.resolve(ItemFeatureTable.UNFINISHED);
            Path description = dir.resolve(DESCRIPTION);
            Path features = dir.resolve(ItemFeatureTable.FEATURES);
            if (Files.exists(description) && !Files.exists(progressFile)) {
                JsonNode finished = JsonFiles.MAPPER.readTree(description.toFile());
                if (!finished.equals(JsonFiles.MAPPER.valueToTree(expected))) {
                    throw new IllegalArgumentException(dir + " holds finished features of another request ("
                            + description + "); give another --out");
                }
                return new ItemFeatureWriter(dir, null, width, itemIds.length, expected, itemIds.length);
            }
            if (Files.exists(progressFile)) {
                JsonNode recorded = JsonFiles.MAPPER.readTree(progressFile.toFile());
                int done = recorded.path("rows_done").asInt(-1);
                Map<String, Object> request = new LinkedHashMap<>(expected);
                request.put("rows_done", done);
                if (done < 0 || done > itemIds.length || !recorded.equals(JsonFiles.MAPPER.valueToTree(request))) {
                    throw new IllegalArgumentException(dir + " holds unfinished features of another request ("
                            + progressFile + "); finish it with the same command, or give another --out");
                }
                FileChannel channel = FileChannel.open(features, StandardOpenOption.READ, StandardOpenOption.WRITE);
                channel.truncate(Npy.HEADER_BYTES + 4L * width * done);
                return new ItemFeatureWriter(dir, channel, width, itemIds.length, expected, done);
            }
            try (var listing = Files.list(dir)) {
                if (listing.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is not empty and holds no features being written;"
                            + " give an empty or new --out");
                }
            }
            writeIds(dir.resolve(ItemFeatureTable.ITEM_IDS), itemIds);
            FileChannel channel = FileChannel.open(features, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            writeFully(channel, Npy.header(itemIds.length, width), 0);
            channel.force(true);
            ItemFeatureWriter writer = new ItemFeatureWriter(dir, channel, width, itemIds.length, expected, 0);
            writer.recordProgress();
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write features: " + e.getMessage(), e);
        }
    }

    private static String idsSha256(long[] itemIds) {
        ByteBuffer bytes = ByteBuffer.allocate(8 * itemIds.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long id : itemIds) {
            bytes.putLong(id);
        }
        return Sha256.hexOf(bytes.array());
    }

    private static void writeIds(Path file, long[] itemIds) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(channel, Npy.int64VectorHeader(itemIds.length), 0);
            ByteBuffer data = ByteBuffer.allocate(8 * itemIds.length).order(ByteOrder.LITTLE_ENDIAN);
            for (long id : itemIds) {
                data.putLong(id);
            }
            writeFully(channel, data.flip(), Npy.HEADER_BYTES);
            channel.force(true);
        }
    }

    /** Rows written so far (by this and earlier sessions). */
    public int done() {
        return done;
    }

    /** Rows of the finished table. */
    public int rows() {
        return rows;
    }

    /**
     * Writes the next rows, then records them as done.
     *
     * @throws IllegalArgumentException for a row of another width, or more rows than the table has
     * @throws UncheckedIOException     when writing fails
     */
    public void append(float[][] batch) {
        if (done + batch.length > rows) {
            throw new IllegalArgumentException(dir + ": " + batch.length + " rows more than the " + (rows - done)
                    + " left");
        }
        ByteBuffer data = ByteBuffer.allocate(4 * width * batch.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : batch) {
            if (row.length != width) {
                throw new IllegalArgumentException(dir + ": a row of " + row.length + " floats, the table's are "
                        + width);
            }
            data.asFloatBuffer().put(row);
            data.position(data.position() + 4 * width);
        }
        try {
            writeFully(channel, data.flip(), Npy.HEADER_BYTES + 4L * width * done);
            channel.force(false);
            done += batch.length;
            recordProgress();
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(ItemFeatureTable.FEATURES) + ": cannot write: " + e.getMessage(),
                    e);
        }
    }

    private void recordProgress() throws IOException {
        Map<String, Object> record = new LinkedHashMap<>(progress);
        record.put("rows_done", done);
        JsonFiles.write(dir.resolve(ItemFeatureTable.UNFINISHED), record);
    }

    /**
     * Marks the folder finished: writes {@value #DESCRIPTION}, removes the progress file.
     *
     * @throws IllegalStateException when rows are missing
     * @throws UncheckedIOException  when writing fails
     */
    public void finish() {
        if (done != rows) {
            throw new IllegalStateException(dir + ": " + done + " of " + rows + " rows written");
        }
        try {
            JsonFiles.write(dir.resolve(DESCRIPTION), progress);
            Files.deleteIfExists(dir.resolve(ItemFeatureTable.UNFINISHED));
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot finish: " + e.getMessage(), e);
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
