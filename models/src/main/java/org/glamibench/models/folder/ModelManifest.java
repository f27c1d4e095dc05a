package org.glamibench.models.folder;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glamibench.dataset.ClassIndex;

/**
 * The {@code model.json} of a model folder, written with snake_case keys.
 *
 * @param format         {@value #FORMAT}
 * @param model          the model kind: {@code image}, {@code text} or {@code embracenet}
 * @param architecture   one line describing the network
 * @param preprocessing  one line per input describing how items become model input
 * @param settings       everything needed to rebuild the network and its inputs (per kind)
 * @param parameterCount number of parameter values of the network
 * @param classes        the classes scored, in output order
 * @param training       how and on what the model was trained
 * @param epochs         per epoch: training and validation metrics
 * @param files          SHA-256 of each file of the folder besides model.json, by name
 */
public record ModelManifest(String format, String model, String architecture, List<String> preprocessing,
                            JsonNode settings, long parameterCount, Classes classes, Training training,
                            List<Epoch> epochs, Map<String, String> files) {

    /** The manifest format written by this harness. */
    public static final String FORMAT = "glami-bench-model-v1";

    /**
     * The classes, in output order.
     *
     * @param sha256 the class index hash ({@link ClassIndex#sha256()})
     * @param count  the number of classes
     * @param index  category id and name per output position
     */
    public record Classes(String sha256, int count, List<ClassEntry> index) {

        /** The classes of an index. */
        public static Classes of(ClassIndex classIndex) {
            List<ClassEntry> entries = new ArrayList<>(classIndex.size());
            for (int i = 0; i < classIndex.size(); i++) {
                entries.add(new ClassEntry(classIndex.category(i), classIndex.name(i)));
            }
            return new Classes(classIndex.sha256(), classIndex.size(), entries);
        }
    }

    /**
     * One class.
     *
     * @param category the category id
     * @param name     the category name (slug)
     */
    public record ClassEntry(int category, String name) {
    }

    /**
     * How the model was trained.
     *
     * @param dataManifestSha256 manifest hash of the train split read (all its rows)
     * @param splitRows          rows of the train split
     * @param humanLabelsOnly    whether only rows labelled by people were used
     * @param trainRows          rows trained on
     * @param validationRows     rows held out for validation
     * @param validation         how the validation rows were chosen
     * @param skippedRows        rows left out because their image could not be read
     * @param skippedExamples    the first of them, with the reason
     * @param epochs             epochs trained
     * @param batch              items per step
     * @param optimizer          the optimizer and its settings
     * @param seed               the seed of initialisation, shuffling and draws
     * @param engine             engine name and version
     * @param djlVersion         the DJL version
     * @param device             the device trained on
     * @param seconds            training wall time, all sessions together
     * @param inputs             for a model built on other models: their folders' model.json SHA-256,
     *                           by kind; else empty
     */
    public record Training(String dataManifestSha256, int splitRows, boolean humanLabelsOnly, int trainRows,
                           int validationRows, String validation, int skippedRows, List<String> skippedExamples,
                           int epochs, int batch, String optimizer, long seed, String engine, String djlVersion,
                           String device, double seconds, Map<String, String> inputs) {
    }

    /**
     * One epoch.
     *
     * @param epoch              1-based
     * @param trainLoss          mean cross-entropy over the epoch's steps
     * @param trainTop1          top-1 accuracy over the epoch's steps (while training)
     * @param validationLoss     mean cross-entropy on the validation rows after the epoch; NaN
     *                           written as null when there are none
     * @param validationTop1     top-1 accuracy on the validation rows
     * @param validationTop5     top-5 accuracy on the validation rows
     * @param seconds            wall time of the epoch, validation included
     * @param trainItemsPerSecond training items per second
     */
    public record Epoch(int epoch, double trainLoss, double trainTop1, Double validationLoss, Double validationTop1,
                        Double validationTop5, double seconds, double trainItemsPerSecond) {
    }

    /** The last epoch, or null before any. */
    public Epoch lastEpoch() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }
}
