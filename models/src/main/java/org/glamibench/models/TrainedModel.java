package org.glamibench.models;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import org.glamibench.files.JsonFiles;
import org.glamibench.models.folder.ModelFolder;
import org.glamibench.models.folder.ModelKind;
import org.glamibench.models.folder.ModelFolderException;
import org.glamibench.models.folder.ModelManifest;

/**
 * A checked model folder loaded on a device, ready for inference: its manifest, its network with
 * the trained parameters, and the NDManager that owns them. Not thread-safe: one forward at a time.
 */
public final class TrainedModel implements AutoCloseable {
    private final Path dir;
    private final ModelKind kind;
    private final ModelManifest manifest;
    private final NDManager manager;
    private final Block block;
    private final ParameterStore parameterStore;

    private TrainedModel(Path dir, ModelKind kind, ModelManifest manifest, NDManager manager, Block block) {
        this.dir = dir;
        this.kind = kind;
        this.manifest = manifest;
        this.manager = manager;
        this.block = block;
        this.parameterStore = new ParameterStore(manager, false);
    }

    /**
     * Reads and checks a model folder ({@link ModelFolder#read}) and loads its network on the
     * device.
     *
     * @throws ModelFolderException when the folder does not hold a usable model of this kind
     */
    public static TrainedModel load(Path dir, ModelKind kind, Device device) {
        return load(dir, ModelFolder.read(dir, kind), device);
    }

    /**
     * Loads the network of a model folder whose manifest was read and checked with
     * {@link ModelFolder#read}.
     *
     * @throws ModelFolderException when the settings or parameters do not fit
     */
    public static TrainedModel load(Path dir, ModelManifest manifest, Device device) {
        ModelKind kind = ModelKind.of(manifest.model());
        int classes = manifest.classes().count();
        Block block = switch (kind) {
            case IMAGE -> settings(dir, manifest, ImageSettings.class).newClassifier(classes);
            case TEXT -> settings(dir, manifest, TextSettings.class).newClassifier(classes);
            case EMBRACENET -> settings(dir, manifest, FusionSettings.class).newBlock(classes);
        };
        NDManager manager = NDManager.newBaseManager(device);
        manager.setName("model " + kind.label());
        try {
            ModelFolder.loadParameters(block, manager, dir.resolve(ModelFolder.PARAMETERS));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        return new TrainedModel(dir, kind, manifest, manager, block);
    }

    /** The settings of a manifest, as the record of its kind. */
    public static <T> T settings(Path dir, ModelManifest manifest, Class<T> type) {
        try {
            return JsonFiles.MAPPER.treeToValue(manifest.settings(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ModelFolderException(dir.resolve(ModelFolder.MANIFEST) + ": settings unusable for a "
                    + manifest.model() + " model: " + e.getMessage(), e);
        }
    }

    /** The settings of this model, as the record of its kind. */
    public <T> T settings(Class<T> type) {
        return settings(dir, manifest, type);
    }

    /** The folder it came from. */
    public Path dir() {
        return dir;
    }

    /** The model kind. */
    public ModelKind kind() {
        return kind;
    }

    /** Its manifest. */
    public ModelManifest manifest() {
        return manifest;
    }

    /** The network, with its trained parameters. */
    public Block block() {
        return block;
    }

    /** The manager owning the parameters; its device is the model's. */
    public NDManager manager() {
        return manager;
    }

    /** The parameter store for forward passes. */
    public ParameterStore parameterStore() {
        return parameterStore;
    }

    /**
     * Logits of a batch, computed in inference mode in a sub-manager closed before returning:
     * {@code inputs} are created by {@code makeInputs} in that sub-manager.
     */
    public float[][] logits(Function<NDManager, NDList> makeInputs) {
        try (NDManager step = manager.newSubManager()) {
            NDList inputs = makeInputs.apply(step);
            NDArray logits = block.forward(parameterStore, inputs, false).singletonOrThrow();
            return rows(logits);
        }
    }

    /** An {@code N x C} array as N rows. */
    public static float[][] rows(NDArray matrix) {
        int n = Math.toIntExact(matrix.getShape().get(0));
        int c = Math.toIntExact(matrix.getShape().get(1));
        float[] flat = matrix.toFloatArray();
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * c, (i + 1) * c);
        }
        return rows;
    }

    /** Number of trainable values of a network (BatchNorm's running statistics not counted). */
    public static long parameterCount(Block block) {
        long count = 0;
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            if (parameter.getValue().requiresGradient()) {
                count += parameter.getValue().getArray().size();
            }
        }
        return count;
    }

    @Override
    public void close() {
        manager.close();
    }
}
