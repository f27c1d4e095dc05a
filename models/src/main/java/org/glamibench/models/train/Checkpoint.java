package org.glamibench.models.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.glamibench.files.AtomicFiles;
import org.glamibench.files.JsonFiles;
import org.glamibench.models.folder.ModelFolder;
import org.glamibench.models.folder.ModelFolderException;
import org.glamibench.models.folder.ModelManifest;

/**
 * The state of an unfinished training after its last finished epoch, in {@code checkpoint/} of
 * the model folder: the network's parameters, the optimizer's state, and {@code state.json}
 * naming both files' SHA-256, the request they belong to and the epochs so far. {@code state.json}
 * is written last, atomically, so a crash leaves the previous checkpoint or the new one, never a
 * mix.
 *
 * @param request       what was asked (model, settings, data): a resume must ask the same
 * @param epochsDone    epochs finished
 * @param optimizerSteps Adam's step count
 * @param seconds       training wall time so far
 * @param epochs        metrics of the finished epochs
 * @param skippedRows   row positions left out for unreadable images, in order found
 * @param skippedExamples the first of them, with the reason
 * @param files         SHA-256 of the checkpoint's files, by name
 */
record Checkpoint(JsonNode request, int epochsDone, long optimizerSteps, double seconds,
                  List<ModelManifest.Epoch> epochs, List<Integer> skippedRows, List<String> skippedExamples,
                  Map<String, String> files) {

    static final String FOLDER = "checkpoint";
    static final String STATE = "state.json";
    static final String NETWORK = "network.params";
    static final String OPTIMIZER = "optimizer.ndlist";

    /** Whether the model folder holds a checkpoint. */
    static boolean exists(Path modelDir) {
        return Files.isRegularFile(modelDir.resolve(FOLDER).resolve(STATE));
    }

    /**
     * Reads and checks a checkpoint's state.
     *
     * @throws ModelFolderException when it is unreadable or a file differs from its SHA-256
     */
    static Checkpoint read(Path modelDir) {
        Path folder = modelDir.resolve(FOLDER);
        Checkpoint checkpoint;
        try {
            checkpoint = JsonFiles.MAPPER.readValue(folder.resolve(STATE).toFile(), Checkpoint.class);
        } catch (IOException e) {
            throw new ModelFolderException(folder.resolve(STATE) + ": unreadable checkpoint (" + e.getMessage()
                    + "); give --force to start over", e);
        }
        for (Map.Entry<String, String> file : checkpoint.files().entrySet()) {
            String actual = ModelFolder.sha256(folder.resolve(file.getKey()));
            if (!actual.equals(file.getValue())) {
                throw new ModelFolderException(folder.resolve(file.getKey()) + ": SHA-256 differs from " + STATE
                        + "; give --force to start over");
            }
        }
        return checkpoint;
    }

    /** Writes a checkpoint: the files first, then state.json. */
    static void write(Path modelDir, Block network, Adam adam, JsonNode request, int epochsDone, double seconds,
                      List<ModelManifest.Epoch> epochs, List<Integer> skippedRows, List<String> skippedExamples)
            throws IOException {
        Path folder = Files.createDirectories(modelDir.resolve(FOLDER));
        String networkSha = ModelFolder.saveParameters(network, folder.resolve(NETWORK));
        Path optimizer = folder.resolve(OPTIMIZER);
        AtomicFiles.write(optimizer, adam.moments().encode());
        Map<String, String> files = new TreeMap<>();
        files.put(NETWORK, networkSha);
        files.put(OPTIMIZER, ModelFolder.sha256(optimizer));
        JsonFiles.write(folder.resolve(STATE), new Checkpoint(request, epochsDone, adam.steps(), seconds,
                new ArrayList<>(epochs), new ArrayList<>(skippedRows), new ArrayList<>(skippedExamples), files));
    }

    /** Loads the network's parameters into an uninitialised network of the same structure. */
    void loadNetwork(Path modelDir, Block network, NDManager manager) {
        ModelFolder.loadParameters(network, manager, modelDir.resolve(FOLDER).resolve(NETWORK));
    }

    /** Restores the optimizer's state. */
    void restoreOptimizer(Path modelDir, Adam adam, NDManager manager) throws IOException {
        try (InputStream in = Files.newInputStream(modelDir.resolve(FOLDER).resolve(OPTIMIZER));
             NDManager scope = manager.newSubManager()) {
            NDList moments = NDList.decode(scope, in.readAllBytes());
            adam.restore(optimizerSteps, moments);
        }
    }

    /** Removes the checkpoint folder. */
    static void delete(Path modelDir) throws IOException {
        Path folder = modelDir.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }
}
