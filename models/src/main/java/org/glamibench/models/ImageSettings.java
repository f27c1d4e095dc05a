package org.glamibench.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import org.glamibench.models.input.ImagePreprocessing;
import org.glamibench.models.nn.Batches;
import org.glamibench.models.nn.Networks;

/**
 * The image model, as {@code model.json} records it: photos of {@code width x height} shrunk by
 * {@code factor}, into the small CNN of {@code channels}.
 *
 * @param width    expected photo width
 * @param height   expected photo height
 * @param factor   shrink factor, 1, 2 or 4
 * @param channels channels of the CNN stages
 */
public record ImageSettings(int width, int height, int factor, List<Integer> channels) {

    public ImageSettings {
        channels = List.copyOf(channels);
        new ImagePreprocessing(width, height, factor);
    }

    /** GLAMI-1M photos shrunk by {@code factor}, the default CNN. */
    public static ImageSettings glami(int factor) {
        return new ImageSettings(ImagePreprocessing.GLAMI_WIDTH, ImagePreprocessing.GLAMI_HEIGHT, factor,
                Networks.CNN_CHANNELS);
    }

    /** The preprocessing of photos into model input. */
    public ImagePreprocessing preprocessing() {
        return new ImagePreprocessing(width, height, factor);
    }

    /** The shape of one input: {@code 3 x H x W}. */
    public Shape itemShape() {
        ImagePreprocessing p = preprocessing();
        return new Shape(3, p.inputHeight(), p.inputWidth());
    }

    /** Width of the trunk's features. */
    public int featureSize() {
        return channels.get(channels.size() - 1);
    }

    /** A fresh, uninitialised classifier. */
    public SequentialBlock newClassifier(int classes) {
        return Networks.classifier(Networks.cnnTrunk(channels), classes);
    }

    /** The shapes {@link #newClassifier} is initialised with (batch 1). */
    public Shape[] inputShapes() {
        return new Shape[] {new Shape(1).addAll(itemShape())};
    }

    /** The model inputs of a batch of prepared images. */
    public NDList batch(NDManager manager, List<float[]> images) {
        return new NDList(Batches.stack(manager, images, itemShape()));
    }

    /** One line for model.json and descriptors. */
    public String architecture(int classes) {
        return Networks.describeCnn(channels, classes);
    }
}
