package org.glamibench.leakage;

import java.util.Arrays;
import org.glamibench.image.Resampler;
import org.glamibench.image.ResizeMethod;
import org.glamibench.image.RgbImage;

/**
 * 64-bit perceptual hashes of a photo, compared by Hamming distance ({@link Long#bitCount} of the
 * XOR). Both reduce the photo to grey levels ({@code 0.299 R + 0.587 G + 0.114 B}) on a small grid
 * with an area filter, so that re-encoding and resizing barely move them:
 * <ul>
 *   <li>{@link #dct} (pHash): the 32 x 32 grid's two-dimensional DCT-II; bit {@code 8 u + v} is set
 *       when coefficient (u, v), u and v in 0..7, lies above the median of those 64 coefficients
 *       (the convention of Python's {@code imagehash.phash});</li>
 *   <li>{@link #difference} (dHash): a 9 x 8 grid; bit {@code 8 y + x} is set when pixel (x + 1, y)
 *       is brighter than pixel (x, y) ({@code imagehash.dhash}).</li>
 * </ul>
 * Thread-safe; no state.
 */
public final class PerceptualHash {
    private static final int DCT_SIZE = 32;
    private static final int BITS_SIDE = 8;
    /** cos(pi (2x + 1) u / 64) for u in 0..7 (the coefficients kept) and x in 0..31. */
    private static final double[][] COSINES = new double[BITS_SIDE][DCT_SIZE];

    static {
        for (int u = 0; u < BITS_SIDE; u++) {
            for (int x = 0; x < DCT_SIZE; x++) {
                COSINES[u][x] = Math.cos(Math.PI * (2 * x + 1) * u / (2.0 * DCT_SIZE));
            }
        }
    }

    private PerceptualHash() {
    }

    /** The DCT hash (pHash) of a whole image. */
    public static long dct(RgbImage image) {
        return dct(image, Resampler.Region.of(image));
    }

    /**
     * The DCT hash (pHash) of a region of an image.
     *
     * @throws IllegalArgumentException when the region does not lie in the image
     */
    public static long dct(RgbImage image, Resampler.Region region) {
        double[] grey = grey(image, region, DCT_SIZE, DCT_SIZE);
        // Rows first: rowDct[y][u] = sum_x grey[y][x] cos(u, x); then columns for the 8 x 8 kept.
        double[] rowDct = new double[DCT_SIZE * BITS_SIDE];
        for (int y = 0; y < DCT_SIZE; y++) {
            for (int u = 0; u < BITS_SIDE; u++) {
                double sum = 0;
                for (int x = 0; x < DCT_SIZE; x++) {
                    sum += grey[y * DCT_SIZE + x] * COSINES[u][x];
                }
                rowDct[y * BITS_SIDE + u] = sum;
            }
        }
        double[] coefficients = new double[BITS_SIDE * BITS_SIDE];
        for (int v = 0; v < BITS_SIDE; v++) {
            for (int u = 0; u < BITS_SIDE; u++) {
                double sum = 0;
                for (int y = 0; y < DCT_SIZE; y++) {
                    sum += rowDct[y * BITS_SIDE + u] * COSINES[v][y];
                }
                coefficients[v * BITS_SIDE + u] = sum;
            }
        }
        double[] sorted = coefficients.clone();
        Arrays.sort(sorted);
        double median = (sorted[31] + sorted[32]) / 2;
        long hash = 0;
        for (int i = 0; i < coefficients.length; i++) {
            if (coefficients[i] > median) {
                hash |= 1L << i;
            }
        }
        return hash;
    }

    /** The difference hash (dHash) of a whole image. */
    public static long difference(RgbImage image) {
        double[] grey = grey(image, Resampler.Region.of(image), BITS_SIDE + 1, BITS_SIDE);
        long hash = 0;
        for (int y = 0; y < BITS_SIDE; y++) {
            for (int x = 0; x < BITS_SIDE; x++) {
                if (grey[y * (BITS_SIDE + 1) + x + 1] > grey[y * (BITS_SIDE + 1) + x]) {
                    hash |= 1L << (y * BITS_SIDE + x);
                }
            }
        }
        return hash;
    }

    /** Hamming distance of two hashes: the bits in which they differ, 0..64. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** The region's grey levels on a {@code width x height} grid, row by row. */
    private static double[] grey(RgbImage image, Resampler.Region region, int width, int height) {
        float[] rgb = Resampler.resize(image, region, width, height, ResizeMethod.AREA);
        double[] grey = new double[width * height];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = 0.299 * rgb[3 * i] + 0.587 * rgb[3 * i + 1] + 0.114 * rgb[3 * i + 2];
        }
        return grey;
    }
}
