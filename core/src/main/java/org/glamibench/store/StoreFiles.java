package org.glamibench.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.Split;
import org.glamibench.files.AtomicFiles;

/**
 * The files of a run folder and their names. A file being written carries the suffix
 * {@code .part}; {@code predictions.csv} without it means the run is finished.
 */
final class StoreFiles {
    static final String CLASSES = "classes.json";
    static final String PREDICTIONS = "predictions.csv";
    static final String SCORES = "scores.npy";
    static final String PART = ".part";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** How far a run folder got. */
    enum State {
        /** No predictions file yet. */
        NEW,
        /** {@code predictions.csv.part}: being written, or interrupted. */
        UNFINISHED,
        /** {@code predictions.csv}: finished. */
        FINISHED
    }

    private final Path folder;

    StoreFiles(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    Path classes() {
        return folder.resolve(CLASSES);
    }

    Path predictions(boolean finished) {
        return folder.resolve(finished ? PREDICTIONS : PREDICTIONS + PART);
    }

    Path scores(boolean finished) {
        return folder.resolve(finished ? SCORES : SCORES + PART);
    }

    /**
     * @throws PredictionStoreException when both {@code predictions.csv} and its {@code .part} exist
     */
    State state() {
        boolean finished = Files.exists(predictions(true));
        boolean part = Files.exists(predictions(false));
        if (finished && part) {
            throw new PredictionStoreException(folder + ": both " + PREDICTIONS + " and " + PREDICTIONS + PART
                    + " exist; remove the one that is not this run's");
        }
        return finished ? State.FINISHED : part ? State.UNFINISHED : State.NEW;
    }

    /**
     * The scores file of a started run, under either name, or null when the run saves no scores.
     *
     * @throws PredictionStoreException when both names exist
     */
    Path existingScores() {
        boolean finished = Files.exists(scores(true));
        boolean part = Files.exists(scores(false));
        if (finished && part) {
            throw new PredictionStoreException(folder + ": both " + SCORES + " and " + SCORES + PART
                    + " exist; remove the one that is not this run's");
        }
        return finished ? scores(true) : part ? scores(false) : null;
    }

    /** Writes {@code classes.json} atomically and durably. */
    void writeClasses(ClassIndex classes) {
        ObjectNode root = JSON.createObjectNode();
        root.put("sha256", classes.sha256());
        root.put("source_split", classes.source().label());
        ArrayNode list = root.putArray("classes");
        for (int i = 0; i < classes.size(); i++) {
            list.addObject().put("index", i).put("category", classes.category(i)).put("name", classes.name(i));
        }
        try {
            AtomicFiles.write(classes(), JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException(classes() + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code classes.json}, checking that its sha256 is that of the classes it lists.
     *
     * @throws PredictionStoreException when it is missing or malformed
     */
    ClassIndex readClasses() {
        Path file = classes();
        if (!Files.exists(file)) {
            throw new PredictionStoreException(file + ": missing; a run folder keeps its class index there");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new PredictionStoreException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        String sha256 = text(root, "sha256", file);
        String splitLabel = text(root, "source_split", file);
        Split split;
        try {
            split = Split.valueOf(splitLabel.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PredictionStoreException(file + ": source_split '" + splitLabel + "' is not train or test");
        }
        JsonNode list = root.path("classes");
        if (!list.isArray() || list.isEmpty()) {
            throw new PredictionStoreException(file + ": 'classes' must be a non-empty list");
        }
        Map<Integer, String> names = new TreeMap<>();
        int previous = Integer.MIN_VALUE;
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            if (entry.path("index").asInt(-1) != i || !entry.path("category").isInt() || !entry.path("name").isTextual()) {
                throw new PredictionStoreException(file + ": classes[" + i + "] must be {index: " + i
                        + ", category: <int>, name: <text>}");
            }
            int category = entry.get("category").asInt();
            if (category <= previous) {
                throw new PredictionStoreException(file + ": classes[" + i + "]: categories must ascend, "
                        + category + " follows " + previous);
            }
            previous = category;
            names.put(category, entry.get("name").asText());
        }
        ClassIndex classes = ClassIndex.of(names, split);
        if (!classes.sha256().equals(sha256)) {
            throw new PredictionStoreException(file + ": sha256 " + sha256 + " is not that of the classes listed ("
                    + classes.sha256() + ")");
        }
        return classes;
    }

    private static String text(JsonNode root, String field, Path file) {
        JsonNode node = root.path(field);
        if (!node.isTextual()) {
            throw new PredictionStoreException(file + ": field '" + field + "' is missing or not text");
        }
        return node.asText();
    }
}
