package org.glamibench.models.train;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.image.ImageDecodeException;
import org.glamibench.models.FusionInput;
import org.glamibench.models.FusionSettings;
import org.glamibench.models.ImageSettings;
import org.glamibench.models.folder.ModelKind;
import org.glamibench.models.TextSettings;
import org.glamibench.models.TrainedModel;
import org.glamibench.models.folder.ModelFolder;
import org.glamibench.models.folder.ModelManifest;
import org.glamibench.models.input.LabelSourceCode;
import org.glamibench.models.input.TextHasher;
import org.glamibench.models.nn.Batches;
import org.glamibench.models.nn.FusionBlock;
import org.glamibench.models.nn.Networks;

/**
 * EmbraceNet trained end to end: the encoders start from the trained image and text models and
 * train on with the fusion. Examples are the full inputs (photo, text ids, label source).
 * {@link FrozenFusionTask} uses one for its set-up and its encoder features.
 */
final class FusionTask implements TrainingTask<FusionInput> {
    private final FusionSettings settings;
    private final TrainingData data;
    private final FusionBlock network;
    private final ImageCache images;
    private final TextHasher hasher;
    private final Map<String, String> inputModels = new LinkedHashMap<>();
    private final List<TrainedModel> loaded = new ArrayList<>();

    /**
     * Checks the image and text model folders (kind, files, classes) and builds the network: on a
     * fresh start their trunks with a new fusion, on a resume the checkpoint's network.
     */
    FusionTask(Path imageModel, Path textModel, boolean labelSource, String encoders, TrainingData data,
               ImageCache.Factory images, Device device, NetworkStart start) {
        ModelManifest imageManifest = ModelFolder.read(imageModel, ModelKind.IMAGE);
        ModelManifest textManifest = ModelFolder.read(textModel, ModelKind.TEXT);
        ModelFolder.checkClasses(imageModel, imageManifest, data.classIndex());
        ModelFolder.checkClasses(textModel, textManifest, data.classIndex());
        inputModels.put(ModelKind.IMAGE.label(), ModelFolder.sha256(imageModel.resolve(ModelFolder.MANIFEST)));
        inputModels.put(ModelKind.TEXT.label(), ModelFolder.sha256(textModel.resolve(ModelFolder.MANIFEST)));
        ImageSettings imageSettings = TrainedModel.settings(imageModel, imageManifest, ImageSettings.class);
        TextSettings textSettings = TrainedModel.settings(textModel, textManifest, TextSettings.class);
        this.settings = new FusionSettings(imageSettings, textSettings, FusionSettings.DEFAULT_DOCK_SIZE, labelSource,
                encoders);
        this.data = data;
        this.images = images.create(imageSettings.preprocessing());
        this.hasher = textSettings.hasher();
        int classes = data.classIndex().size();
        FusionBlock block;
        if (start.resume() == null) {
            TrainedModel image = TrainedModel.load(imageModel, ModelKind.IMAGE, device);
            loaded.add(image);
            TrainedModel text = TrainedModel.load(textModel, ModelKind.TEXT, device);
            loaded.add(text);
            block = settings.newBlock(Networks.trunkOf((SequentialBlock) image.block()),
                    Networks.trunkOf((SequentialBlock) text.block()), classes);
        } else {
            block = settings.newBlock(classes);
        }
        this.network = (FusionBlock) start.begin(block, settings.inputShapes());
    }

    @Override
    public Block network() {
        return network;
    }

    /** The network as what it is. */
    FusionBlock fusionNetwork() {
        return network;
    }

    /** The settings as what they are. */
    FusionSettings fusionSettings() {
        return settings;
    }

    @Override
    public Block trained() {
        return network;
    }

    @Override
    public FusionInput example(int row) throws ImageDecodeException {
        GlamiRow item = data.rows().get(row);
        return new FusionInput(images.floats(item.imageId()), hasher.ids(item.name(), item.description()),
                LabelSourceCode.position(item.labelSource()), 0);
    }

    @Override
    public NDList inputs(NDManager manager, List<FusionInput> examples, List<SplittableRandom> draws) {
        NDList inputs = settings.batch(manager, examples);
        if (draws != null) {
            inputs.add(Batches.draws(manager, draws, settings.dockSize()));
        }
        return inputs;
    }

    @Override
    public boolean usesDraws() {
        return true;
    }

    @Override
    public Object settings() {
        return settings;
    }

    @Override
    public String architecture() {
        return settings.architecture(data.classIndex().size());
    }

    @Override
    public List<String> preprocessing() {
        List<String> lines = new ArrayList<>(List.of("image: " + settings.image().preprocessing().describe(),
                "text: " + hasher.describe()));
        if (settings.labelSource()) {
            lines.add("label_source: one-hot over " + LabelSourceCode.VALUES + " (others all zeros)");
        }
        return lines;
    }

    @Override
    public Map<String, String> inputModels() {
        return inputModels;
    }

    @Override
    public void close() {
        loaded.forEach(TrainedModel::close);
    }
}
