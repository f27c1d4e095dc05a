package org.glamibench.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Objects;

/**
 * A decoded image as 8-bit RGB pixels, row by row, three bytes per pixel (HWC). Immutable by
 * contract: nobody writes to {@link #pixels()} after construction.
 *
 * @param width  pixels per row
 * @param height rows
 * @param pixels {@code width * height * 3} bytes, R, G, B per pixel
 */
public record RgbImage(int width, int height, byte[] pixels) {
    /** {@code i / 255f} for each byte value: the same bits as dividing, without dividing. */
    private static final float[] UNIT = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            UNIT[i] = i / 255f;
        }
    }

    /**
     * Checks that the pixels fit the size; the array is kept, not copied.
     *
     * @param width  pixels per row, positive
     * @param height rows, positive
     * @param pixels {@code width * height * 3} bytes, R, G, B per pixel
     * @throws NullPointerException     when {@code pixels} is null
     * @throws IllegalArgumentException when a side is not positive or the pixel count does not fit
     *                                  the size
     */
    public RgbImage {
        Objects.requireNonNull(pixels, "pixels");
        if (width <= 0 || height <= 0 || pixels.length != width * height * 3) {
            throw new IllegalArgumentException("RGB image " + width + "x" + height + " needs " + (long) width * height * 3
                    + " bytes, got " + pixels.length);
        }
    }

    /**
     * The image of any ImageIO type (grey, RGB, CMYK already converted by the reader) as RGB.
     *
     * @param image a decoded image; alpha, if any, is dropped
     * @return its pixels as 8-bit RGB, in a new array
     */
    public static RgbImage of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            byte[] rgb = new byte[bgr.length];
            for (int i = 0; i < bgr.length; i += 3) {
                rgb[i] = bgr[i + 2];
                rgb[i + 1] = bgr[i + 1];
                rgb[i + 2] = bgr[i];
            }
            return new RgbImage(width, height, rgb);
        }
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0, j = 0; i < argb.length; i++, j += 3) {
            int p = argb[i];
            rgb[j] = (byte) (p >> 16);
            rgb[j + 1] = (byte) (p >> 8);
            rgb[j + 2] = (byte) p;
        }
        return new RgbImage(width, height, rgb);
    }

    /**
     * The image as floats in [0, 1], channels first (CHW, R then G then B), the published
     * baseline's input: {@code value / 255}, no mean or standard deviation applied.
     *
     * @return a new array of {@code 3 * width * height} floats
     */
    public float[] toFloatChw() {
        int plane = width * height;
        float[] chw = new float[plane * 3];
        for (int i = 0, j = 0; i < plane; i++, j += 3) {
            chw[i] = UNIT[pixels[j] & 0xFF];
            chw[plane + i] = UNIT[pixels[j + 1] & 0xFF];
            chw[2 * plane + i] = UNIT[pixels[j + 2] & 0xFF];
        }
        return chw;
    }

    /**
     * The image shrunk by an integer factor with an exact box filter (the mean of each
     * {@code factor x factor} block, {@code sum / (255 * factor^2)} correctly rounded; a partial
     * block at the right or bottom edge is dropped), as floats in [0, 1], CHW.
     *
     * @param factor how many pixels of a side become one; 1 gives {@link #toFloatChw()}
     * @return a new array of {@code 3 * (width / factor) * (height / factor)} floats
     * @throws IllegalArgumentException when the factor is below 1 or larger than the image
     */
    public float[] toFloatChw(int factor) {
        if (factor == 1) {
            return toFloatChw();
        }
        if (factor < 1 || factor > width || factor > height) {
            throw new IllegalArgumentException("shrink factor " + factor + " does not fit a " + width + "x" + height + " image");
        }
        int outWidth = width / factor;
        int outHeight = height / factor;
        int plane = outWidth * outHeight;
        float[] chw = new float[plane * 3];
        float denominator = 255f * factor * factor;
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int y = oy * factor; y < (oy + 1) * factor; y++) {
                    int j = (y * width + ox * factor) * 3;
                    for (int x = 0; x < factor; x++, j += 3) {
                        r += pixels[j] & 0xFF;
                        g += pixels[j + 1] & 0xFF;
                        b += pixels[j + 2] & 0xFF;
                    }
                }
                int o = oy * outWidth + ox;
                chw[o] = r / denominator;
                chw[plane + o] = g / denominator;
                chw[2 * plane + o] = b / denominator;
            }
        }
        return chw;
    }
}
