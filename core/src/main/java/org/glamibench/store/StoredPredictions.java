package org.glamibench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.npy.Npy;
import org.glamibench.npy.NpyException;

/**
 * The predictions of a run folder as stored, read and checked: the source of every metric.
 *
 * <p>A finished folder must be whole: every record complete, as many score rows as rows. An
 * unfinished one (interrupted, or still being written) is read as {@link PredictionStore} would
 * resume it: a record cut short at the end is left out, and rows and score rows are kept up to
 * the shorter of the two; the files are not changed. Either way the rows are checked: the header,
 * every field, categories in {@code classes.json}, no {@code item_id} twice, score columns equal to
 * {@code classes.json}'s classes, and each row's top scores equal to its score row (NaN for a
 * failed item), so files that fell out of step are caught.
 *
 * <p>Scores are held in one float array ({@code rows x classes}; 88 MB for the full test split).
 * Immutable and thread-safe.
 */
public final class StoredPredictions {
    private final ClassIndex classes;
    private final boolean finished;
    private final List<PredictionRow> rows;
    private final float[] scores;
    private final Map<Long, Integer> rowOfItem;
    private final long predictionBytes;
    private final long scoreBytes;

    private StoredPredictions(ClassIndex classes, boolean finished, List<PredictionRow> rows, float[] scores,
                              long predictionBytes, long scoreBytes) {
        this.classes = classes;
        this.finished = finished;
        this.rows = rows;
        this.scores = scores;
        this.rowOfItem = new HashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            rowOfItem.put(rows.get(i).itemId(), i);
        }
        this.predictionBytes = predictionBytes;
        this.scoreBytes = scoreBytes;
    }

    /**
     * Reads a run folder, finished or not.
     *
     * @throws PredictionStoreException when the folder holds no predictions, or a file is
     *                                  malformed or inconsistent (the message names the file and
     *                                  the line or score row)
     * @throws UncheckedIOException     when reading fails
     */
    public static StoredPredictions read(Path folder) {
        StoreFiles files = new StoreFiles(folder);
        StoreFiles.State state = files.state();
        if (state == StoreFiles.State.NEW) {
            throw new PredictionStoreException(folder + ": no " + StoreFiles.PREDICTIONS + " or " + StoreFiles.PREDICTIONS
                    + StoreFiles.PART + " here");
        }
        return load(files, files.readClasses(), state == StoreFiles.State.FINISHED);
    }

    /** Reads the files of a started run whose class index is known; see the class javadoc. */
    static StoredPredictions load(StoreFiles files, ClassIndex classes, boolean finished) {
        Path csv = files.predictions(finished);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(csv + ": cannot read: " + e.getMessage(), e);
        }
        PredictionCsv.Scan scan = PredictionCsv.read(bytes, csv.toString(), classes);
        int kept = scan.rows().size();
        if (finished && scan.tornTail()) {
            throw new PredictionStoreException(csv + ": the last record has no line end, but the run is finished");
        }
        Path npy = files.existingScores();
        if (npy != null && finished && !npy.equals(files.scores(true))) {
            throw new PredictionStoreException(npy + ": unfinished scores in a finished run");
        }
        float[] scores = null;
        long scoreBytes = 0;
        if (npy != null) {
            int size = classes.size();
            try (FileChannel channel = FileChannel.open(npy, StandardOpenOption.READ)) {
                Npy.Header header = Npy.read(channel, npy.toString());
                if (header.columns() != size) {
                    throw new PredictionStoreException(npy + ": " + header.columns() + " score columns, but "
                            + StoreFiles.CLASSES + " lists " + size + " classes");
                }
                long rowBytes = 4L * size;
                long complete = Math.max(0, channel.size() - header.dataOffset()) / rowBytes;
                if (finished && (header.rows() != kept || channel.size() != header.dataOffset() + kept * rowBytes)) {
                    throw new PredictionStoreException(npy + ": " + header.rows() + " score rows in the header and "
                            + complete + " in the file, but " + csv.getFileName() + " has " + kept + " rows");
                }
                kept = (int) Math.min(kept, complete);
                if ((long) kept * size > Integer.MAX_VALUE - 8) {
                    throw new PredictionStoreException(npy + ": " + kept + " x " + size + " scores are too many to hold");
                }
                scores = Npy.readFloats(channel, header.dataOffset(), kept * size);
                scoreBytes = header.dataOffset() + kept * rowBytes;
            } catch (NpyException e) {
                throw new PredictionStoreException(e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(npy + ": cannot read: " + e.getMessage(), e);
            }
            for (int i = 0; i < kept; i++) {
                String mismatch = PredictionCsv.mismatch(scan.rows().get(i), scores, i * size, classes);
                if (mismatch != null) {
                    throw new PredictionStoreException(csv + ":" + scan.lines()[i] + ": " + mismatch + " in "
                            + npy.getFileName() + " row " + i + "; the two files are out of step");
                }
            }
        }
        List<PredictionRow> rows = List.copyOf(scan.rows().subList(0, kept));
        return new StoredPredictions(classes, finished, rows, scores, scan.bytesOf(kept), scoreBytes);
    }

    /** The class index of {@code classes.json}: score column {@code i} is category {@code category(i)}. */
    public ClassIndex classIndex() {
        return classes;
    }

    /** Whether the run was finished ({@code predictions.csv}), not interrupted or still running. */
    public boolean finished() {
        return finished;
    }

    /** The rows in file order (unmodifiable). */
    public List<PredictionRow> rows() {
        return rows;
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }

    /** Whether the run saved full score vectors ({@code scores.npy}). */
    public boolean hasScores() {
        return scores != null;
    }

    /**
     * The full score vector of a row (a copy), over the class index; all NaN for a failed item.
     *
     * @throws IllegalStateException     when the run saved no scores
     * @throws IndexOutOfBoundsException when there is no such row
     */
    public float[] scores(int row) {
        Objects.checkIndex(row, rows.size());
        int size = classes.size();
        float[] vector = new float[size];
        System.arraycopy(scoresOrThrow(), row * size, vector, 0, size);
        return vector;
    }

    /**
     * One score: of a row for the class at an index of the class index.
     *
     * @throws IllegalStateException     when the run saved no scores
     * @throws IndexOutOfBoundsException when there is no such row or class
     */
    public float score(int row, int classIndex) {
        Objects.checkIndex(row, rows.size());
        Objects.checkIndex(classIndex, classes.size());
        return scoresOrThrow()[row * classes.size() + classIndex];
    }

    /** The row of an item, or -1 when the item is not stored. */
    public int rowOf(long itemId) {
        return rowOfItem.getOrDefault(itemId, -1);
    }

    /** Bytes of {@code predictions.csv} holding the header and the rows read. */
    long predictionBytes() {
        return predictionBytes;
    }

    /** Bytes of the scores file holding the header and the score rows read; 0 without scores. */
    long scoreBytes() {
        return scoreBytes;
    }

    private float[] scoresOrThrow() {
        if (scores == null) {
            throw new IllegalStateException("this run saved no scores");
        }
        return scores;
    }
}
