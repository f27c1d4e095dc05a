package org.glamibench.image;

/** Crops and resizes 8-bit RGB images into floats, with the separable filters of {@link ResizeMethod}. */
public final class Resampler {
    private Resampler() {
    }

    /**
     * A region of an image, in pixels.
     *
     * @param x      the left column
     * @param y      the top row
     * @param width  columns
     * @param height rows
     */
    public record Region(int x, int y, int width, int height) {
        /** The whole of an image. */
        public static Region of(RgbImage image) {
            return new Region(0, 0, image.width(), image.height());
        }

        /**
         * The largest region centred in a {@code width x height} image that has the aspect ratio of
         * {@code targetWidth x targetHeight}: for an image wider than the target, the full height and
         * a width of {@code round(height * targetWidth / targetHeight)} (halves up) from column
         * {@code (width - cropWidth) / 2} (rounded down); otherwise the full width likewise.
         */
        public static Region centered(int width, int height, int targetWidth, int targetHeight) {
            long wide = (long) width * targetHeight;
            long tall = (long) height * targetWidth;
            if (wide > tall) {
                int cropWidth = (int) ((2L * height * targetWidth + targetHeight) / (2L * targetHeight));
                return new Region((width - cropWidth) / 2, 0, cropWidth, height);
            }
            if (wide < tall) {
                int cropHeight = (int) ((2L * width * targetHeight + targetWidth) / (2L * targetWidth));
                return new Region(0, (height - cropHeight) / 2, width, cropHeight);
            }
            return new Region(0, 0, width, height);
        }
    }

    /**
     * The region of the image resized to {@code width x height}: pixel values 0..255 as floats, row by
     * row, R, G, B per pixel (HWC). Resizes rows first, then columns, accumulating in doubles.
     *
     * @throws IllegalArgumentException when the region does not lie in the image, a size is below 1,
     *                                  or the method is {@link ResizeMethod#NONE} and sizes differ
     */
    public static float[] resize(RgbImage image, Region region, int width, int height, ResizeMethod method) {
        if (region.x() < 0 || region.y() < 0 || region.width() < 1 || region.height() < 1
                || region.x() + region.width() > image.width() || region.y() + region.height() > image.height()) {
            throw new IllegalArgumentException(region + " does not lie in a " + image.width() + "x" + image.height()
                    + " image");
        }
        if (method == ResizeMethod.NONE && (region.width() != width || region.height() != height)) {
            throw new IllegalArgumentException("the image is " + region.width() + "x" + region.height()
                    + " and resize is none, but the model takes " + width + "x" + height);
        }
        ResizeMethod.AxisWeights columns = method.weights(region.width(), width);
        ResizeMethod.AxisWeights rows = method.weights(region.height(), height);
        byte[] pixels = image.pixels();
        float[] resizedRows = new float[region.height() * width * 3];
        for (int y = 0; y < region.height(); y++) {
            int rowStart = ((region.y() + y) * image.width() + region.x()) * 3;
            for (int x = 0; x < width; x++) {
                double[] w = columns.weights()[x];
                int from = rowStart + columns.first()[x] * 3;
                double r = 0;
                double g = 0;
                double b = 0;
                for (int k = 0; k < w.length; k++) {
                    int p = from + 3 * k;
                    r += w[k] * (pixels[p] & 0xFF);
                    g += w[k] * (pixels[p + 1] & 0xFF);
                    b += w[k] * (pixels[p + 2] & 0xFF);
                }
                int o = (y * width + x) * 3;
                resizedRows[o] = (float) r;
                resizedRows[o + 1] = (float) g;
                resizedRows[o + 2] = (float) b;
            }
        }
        int stride = width * 3;
        float[] out = new float[height * stride];
        for (int y = 0; y < height; y++) {
            double[] w = rows.weights()[y];
            int from = rows.first()[y] * stride;
            for (int i = 0; i < stride; i++) {
                double sum = 0;
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * resizedRows[from + k * stride + i];
                }
                out[y * stride + i] = (float) sum;
            }
        }
        return out;
    }
}
