package org.glamibench.adapter.exported;

import org.glamibench.image.Resampler;
import org.glamibench.image.RgbImage;

/**
 * Turns a decoded image into a model's image input, in plain Java (so that it runs on any engine,
 * ONNX Runtime alone included): crop, resize, then per channel {@code (pixel * scale - mean) / std},
 * channels in the model's order, laid out CHW or HWC. Thread-safe.
 */
public final class ImagePreprocessor {
    private final ModelSpec.ImageSettings settings;
    private final int[] sourceChannel;

    public ImagePreprocessor(ModelSpec.ImageSettings settings) {
        this.settings = settings;
        sourceChannel = settings.channels() == ModelSpec.Channels.RGB ? new int[] {0, 1, 2} : new int[] {2, 1, 0};
    }

    /** Floats per image: {@code 3 * width * height}. */
    public int size() {
        return 3 * settings.width() * settings.height();
    }

    /**
     * The model input for one image.
     *
     * @throws IllegalArgumentException when the resize method is none and the image has another size
     */
    public float[] apply(RgbImage image) {
        int width = settings.width();
        int height = settings.height();
        Resampler.Region region = settings.crop() == ModelSpec.Crop.CENTER
                ? Resampler.Region.centered(image.width(), image.height(), width, height)
                : Resampler.Region.of(image);
        float[] hwc = Resampler.resize(image, region, width, height, settings.resize());
        int plane = width * height;
        float[] out = new float[3 * plane];
        boolean chw = settings.layout() == ModelSpec.Layout.CHW;
        for (int c = 0; c < 3; c++) {
            int from = sourceChannel[c];
            float scale = settings.scale();
            float mean = settings.mean()[c];
            float std = settings.std()[c];
            for (int p = 0; p < plane; p++) {
                float value = (hwc[3 * p + from] * scale - mean) / std;
                out[chw ? c * plane + p : 3 * p + c] = value;
            }
        }
        return out;
    }
}
