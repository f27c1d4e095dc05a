package org.glamibench.models.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetException;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.LabelSources;
import org.glamibench.dataset.Split;
import org.glamibench.dataset.SplitReader;
import org.glamibench.dataset.TestManifest;
import org.glamibench.dataset.ClassIndexCollector;
import org.glamibench.stats.SeedMix;

/**
 * The rows a model trains on: the train split (read strictly), optionally only the rows labelled
 * by people, divided into training rows and validation rows.
 *
 * <p>Validation rows are those whose {@code image_id} falls into one of {@value #VALIDATION_BUCKETS}
 * buckets of a fixed hash (about 10%): the same rows for every model and seed, independent of
 * file order, and the listings of one photo (a product sold in several geos) all on one side.
 *
 * @param rows           the rows kept, in file order
 * @param labels         each row's position in the class index
 * @param train          positions (into rows) of the training rows
 * @param validation     positions of the validation rows
 * @param classIndex     the class index of the train split
 * @param manifestSha256 the manifest hash of the whole train split
 * @param splitRows      rows of the train split
 */
public record TrainingData(List<GlamiRow> rows, int[] labels, int[] train, int[] validation, ClassIndex classIndex,
                           String manifestSha256, int splitRows) {

    /** Label sources set by people, kept by {@code --human-labels-only}: {@link LabelSources#HUMAN}. */
    public static final Set<String> HUMAN_LABEL_SOURCES = LabelSources.HUMAN;
    /** One validation row in this many, by image. */
    public static final int VALIDATION_BUCKETS = 10;
    /** How the validation rows are chosen, for model.json. */
    public static final String VALIDATION_RULE = "rows whose image_id hashes (splitmix64 of image_id xor "
            + "0x5EED0F0A11DA7E11) to 0 modulo " + VALIDATION_BUCKETS + ": about 10%, the same for every model and seed";

    private static final long VALIDATION_SALT = 0x5EED0F0A11DA7E11L;

    /**
     * Reads the train split.
     *
     * @throws DatasetException when there is no train split, for a bad row, or when no row is
     *                          left for training
     */
    public static TrainingData read(DatasetLayout layout, boolean humanLabelsOnly) {
        if (!layout.has(Split.TRAIN)) {
            throw new DatasetException(layout.root() + ": no " + Split.TRAIN.csvFileName() + " to train on");
        }
        ClassIndex classIndex = ClassIndexCollector.read(layout, GlamiCsvReader.Mode.STRICT);
        TestManifest.Builder manifest = new TestManifest.Builder(false);
        List<GlamiRow> rows = new ArrayList<>();
        int splitRows = 0;
        try (SplitReader reader = SplitReader.open(layout, Split.TRAIN, classIndex, GlamiCsvReader.Mode.STRICT)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                manifest.add(row);
                splitRows++;
                if (!humanLabelsOnly || HUMAN_LABEL_SOURCES.contains(row.labelSource())) {
                    rows.add(row);
                }
            }
        }
        int[] labels = new int[rows.size()];
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            labels[i] = classIndex.indexOf(rows.get(i).category());
            (inValidation(rows.get(i).imageId()) ? validation : train).add(i);
        }
        if (train.isEmpty()) {
            throw new DatasetException(layout.csv(Split.TRAIN) + ": no rows left to train on"
                    + (humanLabelsOnly ? " with --human-labels-only" : ""));
        }
        return new TrainingData(List.copyOf(rows), labels, train.stream().mapToInt(Integer::intValue).toArray(),
                validation.stream().mapToInt(Integer::intValue).toArray(), classIndex, manifest.build().sha256(),
                splitRows);
    }

    /** Whether rows of this photo are validation rows. */
    static boolean inValidation(long imageId) {
        return Long.remainderUnsigned(SeedMix.splitMix64(imageId ^ VALIDATION_SALT), VALIDATION_BUCKETS) == 0;
    }
}
