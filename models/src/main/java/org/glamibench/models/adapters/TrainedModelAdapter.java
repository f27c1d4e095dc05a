package org.glamibench.models.adapters;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.EngineInfo;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.ModelAdapter;
import org.glamibench.adapter.OutputKind;
import org.glamibench.models.ModelDevices;
import org.glamibench.models.folder.ModelKind;
import org.glamibench.models.TrainedModel;
import org.glamibench.models.folder.ModelFolder;
import org.glamibench.models.folder.ModelManifest;

/**
 * What the three built-in model adapters share: options, loading and checking of the model
 * folder in {@code open}, batched inference in a sub-manager, logits out, and the descriptor and
 * engine facts of the loaded model.
 *
 * <p>Options: {@code model=DIR}, the model folder (default {@code target/models/<name>}).
 * Unknown options are an error, so that a misspelt one is never silently ignored.
 *
 * @param <P> the prepared input
 */
abstract class TrainedModelAdapter<P> implements ModelAdapter<P> {
    /** The option naming the model folder. */
    static final String MODEL_OPTION = "model";

    private final ModelKind kind;
    private final Modality modality;
    private final String description;
    private TrainedModel model;
    private EngineInfo engine;

    TrainedModelAdapter(ModelKind kind, Modality modality, String description) {
        this.kind = kind;
        this.modality = modality;
        this.description = description;
    }

    @Override
    public AdapterDescriptor descriptor() {
        AdapterDescriptor.Builder builder = AdapterDescriptor.builder().setName(kind.label()).setVersion("1")
                .setModality(modality).setOutput(OutputKind.LOGITS).optLicense("Apache-2.0");
        if (model == null) {
            return builder.optDescription(description + "; trained with 'glami-bench train --model " + kind.label()
                    + "'").build();
        }
        ModelManifest manifest = model.manifest();
        return builder.optParameterCount(manifest.parameterCount())
                .optWeightsSha256(manifest.files().get(ModelFolder.PARAMETERS))
                .optDescription(manifest.architecture() + " (" + model.dir() + ")").build();
    }

    /**
     * Loads the model folder: checks the options, the device, the files' SHA-256 and the class
     * index (both before loading any parameter), then loads the network on the device.
     *
     * @throws IllegalArgumentException for an unknown option or an unavailable device
     * @throws org.glamibench.models.folder.ModelFolderException for a missing or unusable folder,
     *         or a class index other than the run's
     */
    @Override
    public void open(AdapterContext context) {
        Set<String> unknown = new TreeSet<>(context.options().keySet());
        unknown.removeAll(options());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(kind.label() + ": unknown --adapter-option " + unknown + "; known: "
                    + new TreeSet<>(options()));
        }
        Path dir = Path.of(context.option(MODEL_OPTION, kind.defaultFolder().toString()));
        Device device = ModelDevices.select(context.device());
        ModelManifest manifest = ModelFolder.read(dir, kind);
        ModelFolder.checkClasses(dir, manifest, context.classIndex());
        model = TrainedModel.load(dir, manifest, device);
        engine = ModelDevices.describe(device);
        opened(model, context);
    }

    /** The options this adapter knows. */
    Set<String> options() {
        return Set.of(MODEL_OPTION);
    }

    /** Called at the end of {@code open}, with the loaded model. */
    abstract void opened(TrainedModel model, AdapterContext context);

    /** The model inputs of a batch, created in {@code manager}. */
    abstract NDList inputs(NDManager manager, List<P> batch);

    /** The logits of a batch, computed in a sub-manager of the model's manager. */
    @Override
    public float[][] predict(List<P> batch) {
        return model.logits(step -> inputs(step, batch));
    }

    @Override
    public Optional<EngineInfo> engine() {
        return Optional.ofNullable(engine);
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
