package org.glamibench.models.input;

import org.glamibench.image.RgbImage;

/**
 * The image model's input: the photo, which must be {@code width x height}, shrunk by an integer
 * factor with an exact box filter ({@link RgbImage#toFloatChw(int)}), as floats in [0, 1], RGB,
 * channels first, without mean or standard deviation (as the published baseline). GLAMI-1M photos
 * are 228 x 298; factor 4 gives 3 x 74 x 57.
 *
 * <p>For caching, an input can be kept compact as the integer sums of its box filter
 * ({@link #sums}, 2 bytes per value instead of 4) and expanded to exactly the floats
 * {@link #floats(RgbImage)} gives ({@link #floats(short[])}).
 *
 * @param width  expected photo width in pixels
 * @param height expected photo height in pixels
 * @param factor shrink factor: 1, 2 or 4
 */
public record ImagePreprocessing(int width, int height, int factor) {

    /** Width of the published GLAMI-1M photos. */
    public static final int GLAMI_WIDTH = 228;
    /** Height of the published GLAMI-1M photos. */
    public static final int GLAMI_HEIGHT = 298;
    /** The CPU-friendly default: a quarter of the size in each direction. */
    public static final int DEFAULT_FACTOR = 4;

    /** @throws IllegalArgumentException for a factor other than 1, 2, 4, or a size it does not fit */
    public ImagePreprocessing {
        if (factor != 1 && factor != 2 && factor != 4) {
            throw new IllegalArgumentException("image shrink factor must be 1, 2 or 4, got " + factor);
        }
        if (width < factor || height < factor) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image cannot shrink " + factor + "x");
        }
    }

    /** GLAMI-1M's 228 x 298 photos shrunk by {@code factor}. */
    public static ImagePreprocessing glami(int factor) {
        return new ImagePreprocessing(GLAMI_WIDTH, GLAMI_HEIGHT, factor);
    }

    /** Width of the model input. */
    public int inputWidth() {
        return width / factor;
    }

    /** Height of the model input. */
    public int inputHeight() {
        return height / factor;
    }

    /** Floats per input: 3 x height x width. */
    public int inputSize() {
        return 3 * inputHeight() * inputWidth();
    }

    /**
     * The model input of a photo.
     *
     * @throws IllegalArgumentException when the photo is not {@code width x height}
     */
    public float[] floats(RgbImage image) {
        check(image);
        return image.toFloatChw(factor);
    }

    /**
     * The box filter's integer sums of a photo: {@code value * 255 * factor^2} of each input
     * float, which fits a short for every allowed factor.
     *
     * @throws IllegalArgumentException when the photo is not {@code width x height}
     */
    public short[] sums(RgbImage image) {
        float[] chw = floats(image);
        float unit = 255f * factor * factor;
        short[] sums = new short[chw.length];
        for (int i = 0; i < chw.length; i++) {
            sums[i] = (short) Math.round(chw[i] * unit);
        }
        return sums;
    }

    /** The floats of sums made by {@link #sums}: bit for bit those of {@link #floats(RgbImage)}. */
    public float[] floats(short[] sums) {
        float[] chw = new float[sums.length];
        if (factor == 1) {
            for (int i = 0; i < sums.length; i++) {
                chw[i] = sums[i] / 255f;
            }
        } else {
            float denominator = 255f * factor * factor;
            for (int i = 0; i < sums.length; i++) {
                chw[i] = sums[i] / denominator;
            }
        }
        return chw;
    }

    /** One line for model.json and descriptors. */
    public String describe() {
        return "RGB " + width + "x" + height + " shrunk " + factor + "x by a box filter to " + inputWidth() + "x"
                + inputHeight() + ", floats in [0,1], CHW, no mean/std normalisation";
    }

    private void check(RgbImage image) {
        if (image.width() != width || image.height() != height) {
            throw new IllegalArgumentException("image is " + image.width() + "x" + image.height() + ", the model expects "
                    + width + "x" + height);
        }
    }
}
