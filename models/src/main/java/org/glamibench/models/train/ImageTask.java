package org.glamibench.models.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.List;
import java.util.SplittableRandom;
import org.glamibench.image.ImageDecodeException;
import org.glamibench.models.ImageSettings;

/** The image model: examples are the photos' model inputs, from the image cache. */
final class ImageTask implements TrainingTask<float[]> {
    private final ImageSettings settings;
    private final TrainingData data;
    private final ImageCache images;
    private final Block network;

    ImageTask(ImageSettings settings, TrainingData data, ImageCache images, NetworkStart start) {
        this.settings = settings;
        this.data = data;
        this.images = images;
        this.network = start.begin(settings.newClassifier(data.classIndex().size()), settings.inputShapes());
    }

    @Override
    public Block network() {
        return network;
    }

    @Override
    public Block trained() {
        return network;
    }

    @Override
    public float[] example(int row) throws ImageDecodeException {
        return images.floats(data.rows().get(row).imageId());
    }

    @Override
    public NDList inputs(NDManager manager, List<float[]> examples, List<SplittableRandom> draws) {
        return settings.batch(manager, examples);
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
        return List.of("image: " + settings.preprocessing().describe());
    }
}
