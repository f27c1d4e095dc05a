package org.glamibench.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the files of an extracted GLAMI-1M dataset live: the {@code GLAMI-1M-dataset} folder with
 * {@code GLAMI-1M-train.csv}, {@code GLAMI-1M-test.csv} and {@code images/<image_id>.jpg}.
 *
 * @param root the {@code GLAMI-1M-dataset} folder itself
 */
public record DatasetLayout(Path root) {

    /** The folder name inside the published zip. */
    public static final String FOLDER_NAME = "GLAMI-1M-dataset";
    /** Environment variable of the original tooling naming the extraction folder. */
    public static final String EXTRACT_DIR_VARIABLE = "EXTRACT_DIR";
    /** The original tooling's extraction folder when {@code EXTRACT_DIR} is not set. */
    public static final String DEFAULT_EXTRACT_DIR = "/tmp/GLAMI-1M";

    /**
     * Resolves a user-given folder: either the {@code GLAMI-1M-dataset} folder or a folder that
     * contains it. With {@code null}, the default {@code $EXTRACT_DIR/GLAMI-1M-dataset}.
     *
     * @throws DatasetException when neither the folder nor a {@code GLAMI-1M-dataset} child holds
     *                          a split CSV
     */
    public static DatasetLayout locate(Path dataDir, Map<String, String> environment) {
        Path given = dataDir != null ? dataDir : defaultExtractDir(environment);
        for (Path candidate : new Path[] {given, given.resolve(FOLDER_NAME)}) {
            DatasetLayout layout = new DatasetLayout(candidate);
            if (layout.has(Split.TEST) || layout.has(Split.TRAIN)) {
                return layout;
            }
        }
        throw new DatasetException(given + ": no GLAMI-1M dataset here (expected "
                + Split.TEST.csvFileName() + " or " + Split.TRAIN.csvFileName() + " in it or in its "
                + FOLDER_NAME + " folder)" + (dataDir == null ? "; give --data DIR or set " + EXTRACT_DIR_VARIABLE : "")
                + "; create one with 'glami-bench sample' or 'glami-bench download'");
    }

    /** {@code $EXTRACT_DIR}, or {@code /tmp/GLAMI-1M} when unset or blank. */
    public static Path defaultExtractDir(Map<String, String> environment) {
        String dir = environment.get(EXTRACT_DIR_VARIABLE);
        return Path.of(dir == null || dir.isBlank() ? DEFAULT_EXTRACT_DIR : dir);
    }

    /** The CSV file of a split. */
    public Path csv(Split split) {
        return root.resolve(split.csvFileName());
    }

    /**
     * Whether the split's CSV exists (links followed). It may still not be a regular file, which
     * {@link GlamiCsvReader#open(Path, GlamiCsvReader.Mode)} refuses, naming what it is.
     */
    public boolean has(Split split) {
        return Files.exists(csv(split));
    }

    /**
     * The error for a split with no usable row.
     *
     * @param skipped how many rows were skipped in lenient mode
     * @return a {@link DatasetException} naming the split's CSV
     */
    public DatasetException noRows(Split split, int skipped) {
        return new DatasetException(csv(split) + ": no rows"
                + (skipped == 0 ? " (the file holds only a header)" : " left (all " + skipped + " skipped)"));
    }

    /** The images folder. */
    public Path imagesDir() {
        return root.resolve("images");
    }

    /** The photo of an item: {@code images/<image_id>.jpg}. */
    public Path image(long imageId) {
        return imagesDir().resolve(imageId + ".jpg");
    }
}
