package org.glamibench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.files.AtomicFiles;
import org.glamibench.npy.Npy;

/**
 * Writes the predictions of one evaluation run into its folder, so that an interrupted run
 * resumes where it stopped: the system of record every metric is computed from.
 *
 * <pre>{@code
 * try (PredictionStore store = PredictionStore.open(runFolder, classIndex, true)) {
 *     Set<Long> done = store.completedItemIds();
 *     for (GlamiRow item : testSplit) {
 *         if (!done.contains(item.itemId())) {
 *             float[] probabilities = ...;                        // over classIndex
 *             store.append(PredictionRow.ok(item.itemId(), item.geo(), item.category(), top5, top5Scores),
 *                     probabilities);
 *         }
 *     }
 *     store.finish();
 * }
 * }</pre>
 *
 * <p>Files: {@code classes.json} (the class index), {@code predictions.csv} (one row per item) and,
 * when scores are saved, {@code scores.npy} (one float32 row per item, same order; NaN for a failed
 * item). While the run is open or interrupted the last two are named {@code *.part}; {@link #finish()}
 * writes the final shape into the NPY header and renames them, so an unfinished file is never taken
 * for a finished one. Rows are appended to both files in the same order through 64 KiB buffers,
 * each written out when full (so a row may be split between two writes), and at every
 * {@linkplain #checkpoint() checkpoint} all is written and forced to disk (fsync).
 *
 * <p>Recovery: whatever killed the writer (kill -9 included, at any moment), opening the folder
 * again drops a record of {@code predictions.csv.part} cut short at its end (the bytes after its
 * last line end outside quotes) and a partial score row, keeps rows and score rows up to the
 * shorter of the two (they stay aligned), truncates both files to that, and reports the kept items
 * in {@link #completedItemIds()}. Rows up to the last checkpoint are never lost; rows after it may
 * be, and are then simply predicted again. A finished folder may be opened again too (it becomes
 * unfinished until the next {@code finish()}).
 *
 * <p>One writer at a time: the writer holds a lock on {@code classes.json} while open. Not
 * thread-safe: append from one thread.
 */
public final class PredictionStore implements AutoCloseable {
    private static final int BUFFER_BYTES = 1 << 16;

    /**
     * When {@link #append} checkpoints on its own: after {@code rows} rows or once {@code interval}
     * has passed since the last checkpoint, whichever comes first.
     *
     * @param rows     at least 1
     * @param interval not negative; zero checkpoints after every row
     */
    public record CheckpointPolicy(int rows, Duration interval) {
        /** Every 10,000 rows or 5 seconds. */
        public static final CheckpointPolicy DEFAULT = new CheckpointPolicy(10_000, Duration.ofSeconds(5));

        /**
         * @throws IllegalArgumentException when rows is below 1 or the interval is negative
         */
        public CheckpointPolicy {
            Objects.requireNonNull(interval, "interval");
            if (rows < 1 || interval.isNegative()) {
                throw new IllegalArgumentException("checkpoint every " + rows + " rows or " + interval
                        + ": rows must be at least 1, the interval not negative");
            }
        }
    }

    private enum State { OPEN, FINISHED, CLOSED, BROKEN }

    private final StoreFiles files;
    private final ClassIndex classes;
    private final CheckpointPolicy policy;
    private final FileChannel lockChannel;
    private final FileChannel predictions;
    private final FileChannel scores;
    private final ByteBuffer predictionBuffer = ByteBuffer.allocate(BUFFER_BYTES);
    private final ByteBuffer scoreBuffer;
    private final StringBuilder line = new StringBuilder(256);
    private final Set<Long> itemIds;
    private final Set<Long> completed;
    private int sinceCheckpoint;
    private long lastCheckpoint = System.nanoTime();
    private State state = State.OPEN;

    private PredictionStore(StoreFiles files, ClassIndex classes, CheckpointPolicy policy, FileChannel lockChannel,
                            FileChannel predictions, FileChannel scores, StoredPredictions kept) {
        this.files = files;
        this.classes = classes;
        this.policy = policy;
        this.lockChannel = lockChannel;
        this.predictions = predictions;
        this.scores = scores;
        this.scoreBuffer = scores == null ? null : ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        this.itemIds = new HashSet<>(Math.max(16, kept.size() * 2));
        kept.rows().forEach(row -> itemIds.add(row.itemId()));
        this.completed = Set.copyOf(itemIds);
    }

    /**
     * Deletes the store's files from a run folder (finished or not), to start it over. Other
     * files in the folder are left alone.
     *
     * @throws UncheckedIOException when a file cannot be deleted
     */
    public static void delete(Path folder) {
        StoreFiles files = new StoreFiles(folder);
        try {
            for (Path file : List.of(files.predictions(true), files.predictions(false), files.scores(true),
                    files.scores(false), files.classes())) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a run folder with the {@linkplain CheckpointPolicy#DEFAULT default checkpoints}. */
    public static PredictionStore open(Path folder, ClassIndex classes, boolean saveScores) {
        return open(folder, classes, saveScores, CheckpointPolicy.DEFAULT);
    }

    /**
     * Opens a run folder to write: creates it when new, else resumes it (see the class javadoc),
     * reading and checking what is stored as {@link StoredPredictions#read} does (about 90 MB of
     * heap for the full test split with scores, released once open).
     *
     * @param saveScores whether full score vectors go to {@code scores.npy}; must be what the run
     *                   was started with
     * @throws PredictionStoreException when the folder's {@code classes.json} holds another class
     *                                  index, it was started with the other {@code saveScores},
     *                                  another writer has it open, or a file is malformed
     * @throws UncheckedIOException     when reading or writing fails
     */
    public static PredictionStore open(Path folder, ClassIndex classes, boolean saveScores, CheckpointPolicy policy) {
        Objects.requireNonNull(classes, "classes");
        Objects.requireNonNull(policy, "policy");
        StoreFiles files = new StoreFiles(folder);
        FileChannel lockChannel = null;
        FileChannel predictions = null;
        FileChannel scores = null;
        try {
            Files.createDirectories(folder);
            StoreFiles.State state = files.state();
            if (Files.exists(files.classes())) {
                ClassIndex stored = files.readClasses();
                if (!stored.sha256().equals(classes.sha256())) {
                    throw new PredictionStoreException(files.classes() + ": this run's class index is " + stored
                            + ", not " + classes + "; use another run folder");
                }
            } else if (state != StoreFiles.State.NEW) {
                files.readClasses();
            } else {
                files.writeClasses(classes);
            }
            lockChannel = lock(files);
            state = files.state();
            if (state == StoreFiles.State.NEW) {
                create(files, classes, saveScores);
            } else {
                reopen(files, state, saveScores);
            }
            StoredPredictions kept = StoredPredictions.load(files, classes, false);
            predictions = FileChannel.open(files.predictions(false), StandardOpenOption.WRITE);
            cut(predictions, kept.predictionBytes());
            if (saveScores) {
                long expected = Npy.HEADER_BYTES + 4L * classes.size() * kept.size();
                if (kept.scoreBytes() != expected) {
                    throw new PredictionStoreException(files.scores(false) + ": its header is not the "
                            + Npy.HEADER_BYTES + "-byte header this store writes");
                }
                scores = FileChannel.open(files.scores(false), StandardOpenOption.WRITE);
                cut(scores, expected);
                writeFully(scores, Npy.header(0, classes.size()), 0);
                scores.force(true);
            }
            predictions.force(true);
            return new PredictionStore(files, classes, policy, lockChannel, predictions, scores, kept);
        } catch (IOException e) {
            closeQuietly(scores, predictions, lockChannel);
            throw new UncheckedIOException(folder + ": cannot open the run: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(scores, predictions, lockChannel);
            throw e;
        }
    }

    private static FileChannel lock(StoreFiles files) throws IOException {
        FileChannel channel = FileChannel.open(files.classes(), StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new PredictionStoreException(files.folder() + ": another writer has this run open");
        }
        return channel;
    }

    private static void create(StoreFiles files, ClassIndex classes, boolean saveScores) throws IOException {
        if (Files.exists(files.scores(true))) {
            throw new PredictionStoreException(files.scores(true) + ": scores of a run that has no predictions file");
        }
        if (saveScores) {
            ByteBuffer header = Npy.header(0, classes.size());
            byte[] bytes = new byte[header.remaining()];
            header.get(bytes);
            AtomicFiles.write(files.scores(false), bytes);
        } else {
            Files.deleteIfExists(files.scores(false));
        }
        AtomicFiles.write(files.predictions(false), PredictionCsv.HEADER_BYTES);
    }

    private static void reopen(StoreFiles files, StoreFiles.State state, boolean saveScores) throws IOException {
        Path npy = files.existingScores();
        if ((npy != null) != saveScores) {
            throw new PredictionStoreException(files.folder() + ": this run was started "
                    + (npy != null ? "with" : "without") + " saved scores; open it " + (npy != null ? "with" : "without")
                    + " them or use another run folder");
        }
        if (state == StoreFiles.State.FINISHED) {
            AtomicFiles.move(files.predictions(true), files.predictions(false));
        }
        if (npy != null && npy.equals(files.scores(true))) {
            AtomicFiles.move(npy, files.scores(false));
        }
    }

    private static void cut(FileChannel channel, long size) throws IOException {
        channel.truncate(size);
        channel.position(size);
    }

    /**
     * The items stored when the store was opened: by an earlier, interrupted run, failed items
     * included. Skip them; appending one again throws.
     */
    public Set<Long> completedItemIds() {
        return completed;
    }

    /** Number of rows stored: those completed before plus those appended since. */
    public int size() {
        return itemIds.size();
    }

    /**
     * Appends one item's row and, when this store saves scores, its full score vector (held only
     * during the call). Checkpoints when the {@link CheckpointPolicy} says so.
     *
     * @param probabilities the item's scores over the class index when the store saves scores and
     *                      the row is {@link ItemStatus#OK}, else null; the row's top scores must be
     *                      its values at their categories' indices, bit for bit
     * @throws IllegalArgumentException when the item is already stored, a category is not in the
     *                                  class index, an ok row does not have {@code min(5, classes)}
     *                                  predictions, or the probabilities are missing, unexpected,
     *                                  of another length, not finite or disagree with the row
     *                                  (nothing is written then)
     * @throws IllegalStateException    after {@link #finish()}, {@link #close()} or a failed write
     * @throws UncheckedIOException     when writing fails (the store is then unusable; reopen the
     *                                  folder to resume)
     */
    public void append(PredictionRow row, float[] probabilities) {
        requireOpen();
        Objects.requireNonNull(row, "row");
        PredictionCsv.check(row, classes);
        boolean scored = row.status() == ItemStatus.OK;
        if (scores == null && probabilities != null) {
            throw new IllegalArgumentException("item " + row.itemId() + ": this store saves no scores; pass null");
        }
        if (scores != null && scored) {
            Objects.requireNonNull(probabilities, "probabilities (this store saves scores)");
            if (probabilities.length != classes.size()) {
                throw new IllegalArgumentException("item " + row.itemId() + ": " + probabilities.length
                        + " probabilities for " + classes.size() + " classes");
            }
            String mismatch = PredictionCsv.mismatch(row, probabilities, 0, classes);
            if (mismatch != null) {
                throw new IllegalArgumentException("item " + row.itemId() + ": " + mismatch);
            }
        }
        if (scores != null && !scored && probabilities != null) {
            throw new IllegalArgumentException("item " + row.itemId() + ": an " + row.status().label()
                    + " row has no probabilities; pass null");
        }
        if (itemIds.contains(row.itemId())) {
            throw new IllegalArgumentException("item " + row.itemId() + " is already stored");
        }
        line.setLength(0);
        PredictionCsv.format(row, line);
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        try {
            put(predictions, predictionBuffer, bytes);
            if (scores != null) {
                for (int c = 0; c < classes.size(); c++) {
                    if (!scoreBuffer.hasRemaining()) {
                        drain(scores, scoreBuffer);
                    }
                    scoreBuffer.putFloat(scored ? probabilities[c] : Float.NaN);
                }
            }
        } catch (IOException e) {
            throw broken("append item " + row.itemId(), e);
        }
        itemIds.add(row.itemId());
        sinceCheckpoint++;
        if (sinceCheckpoint >= policy.rows() || System.nanoTime() - lastCheckpoint >= policy.interval().toNanos()) {
            checkpoint();
        }
    }

    /**
     * Writes the buffered rows and forces both files to disk: every row appended so far survives
     * a crash from now on.
     *
     * @throws IllegalStateException after {@link #finish()}, {@link #close()} or a failed write
     * @throws UncheckedIOException  when writing fails (the store is then unusable)
     */
    public void checkpoint() {
        requireOpen();
        try {
            drain(predictions, predictionBuffer);
            if (scores != null) {
                drain(scores, scoreBuffer);
                scores.force(true);
            }
            predictions.force(true);
        } catch (IOException e) {
            throw broken("checkpoint", e);
        }
        sinceCheckpoint = 0;
        lastCheckpoint = System.nanoTime();
    }

    /**
     * Checkpoints, writes the final shape into the NPY header, renames the files to their final
     * names and releases the folder. Call it once every item is appended.
     *
     * @throws IllegalStateException after {@link #finish()}, {@link #close()} or a failed write
     * @throws UncheckedIOException  when writing fails (the run stays unfinished and resumable)
     */
    public void finish() {
        checkpoint();
        try {
            if (scores != null) {
                writeFully(scores, Npy.header(itemIds.size(), classes.size()), 0);
                scores.force(true);
                scores.close();
                AtomicFiles.move(files.scores(false), files.scores(true));
            }
            predictions.close();
            AtomicFiles.move(files.predictions(false), files.predictions(true));
            lockChannel.close();
        } catch (IOException e) {
            throw broken("finish", e);
        }
        state = State.FINISHED;
    }

    /**
     * Checkpoints and releases the folder without finishing it: the run stays resumable. Does
     * nothing after {@link #finish()} or a first close.
     *
     * @throws UncheckedIOException when the checkpoint fails
     */
    @Override
    public void close() {
        try {
            if (state == State.OPEN) {
                checkpoint();
            }
        } finally {
            if (state == State.OPEN || state == State.BROKEN) {
                state = State.CLOSED;
                closeQuietly(scores, predictions, lockChannel);
            }
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the prediction store of " + files.folder() + " is "
                    + state.name().toLowerCase(Locale.ROOT));
        }
    }

    private UncheckedIOException broken(String action, IOException e) {
        state = State.BROKEN;
        return new UncheckedIOException(files.folder() + ": cannot " + action + ": " + e.getMessage()
                + "; reopen the folder to resume", e);
    }

    /** Buffers bytes, writing the buffer whenever it is full: a row may span two writes. */
    private static void put(FileChannel channel, ByteBuffer buffer, byte[] bytes) throws IOException {
        int at = 0;
        while (at < bytes.length) {
            if (!buffer.hasRemaining()) {
                drain(channel, buffer);
            }
            int n = Math.min(buffer.remaining(), bytes.length - at);
            buffer.put(bytes, at, n);
            at += n;
        }
    }

    private static void drain(FileChannel channel, ByteBuffer buffer) throws IOException {
        buffer.flip();
        writeFully(channel, buffer);
        buffer.clear();
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    private static void closeQuietly(FileChannel... channels) {
        for (FileChannel channel : channels) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // Closing after a failure or a final checkpoint: nothing left to lose.
                }
            }
        }
    }
}
