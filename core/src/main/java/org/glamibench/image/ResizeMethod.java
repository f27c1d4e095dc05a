package org.glamibench.image;

import java.util.Locale;

/**
 * How {@link Resampler} maps an image onto another size. Every method is separable: each output
 * value is a weighted sum of input values along one axis, then along the other.
 */
public enum ResizeMethod {
    /** No resizing: the image must already have the size asked for. */
    NONE("none"),
    /**
     * Bilinear interpolation between the two nearest pixels, pixel centres aligned (half-pixel
     * offsets), no antialiasing: {@code torch.nn.functional.interpolate(mode="bilinear",
     * align_corners=False)}, OpenCV's INTER_LINEAR. Aliases when shrinking by more than 2.
     */
    BILINEAR("bilinear"),
    /**
     * Bilinear with antialiasing: when shrinking by a factor s, a triangle filter s pixels wide (PIL's
     * and torchvision's default resize; {@code interpolate(..., antialias=True)}), computed in floats.
     * Equal to {@link #BILINEAR} when enlarging, apart from the edges.
     */
    BILINEAR_ANTIALIAS("bilinear-antialias"),
    /**
     * Each output pixel is the mean of the input area it covers, pixels partly covered weighted by
     * the covered fraction (OpenCV's INTER_AREA when shrinking; an exact box filter for integer
     * factors, as {@code adaptive_avg_pool2d}).
     */
    AREA("area");

    private final String label;

    ResizeMethod(String label) {
        this.label = label;
    }

    /** The name in model specs: {@code none}, {@code bilinear}, {@code bilinear-antialias}, {@code area}. */
    public String label() {
        return label;
    }

    /**
     * The method of that label.
     *
     * @throws IllegalArgumentException for an unknown label, listing the known ones
     */
    public static ResizeMethod ofLabel(String label) {
        for (ResizeMethod method : values()) {
            if (method.label.equals(label.toLowerCase(Locale.ROOT))) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown resize method '" + label + "'; known: none, bilinear, "
                + "bilinear-antialias, area");
    }

    /**
     * The weights mapping {@code in} input positions onto {@code out} output positions along one axis.
     *
     * @throws IllegalArgumentException for sizes below 1, or different sizes with {@link #NONE}
     */
    AxisWeights weights(int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("sizes must be at least 1, got " + in + " and " + out);
        }
        int[] first = new int[out];
        double[][] weights = new double[out][];
        switch (this) {
            case NONE -> {
                if (in != out) {
                    throw new IllegalArgumentException("resize is none, but " + in + " pixels are to become " + out);
                }
                for (int i = 0; i < out; i++) {
                    first[i] = i;
                    weights[i] = new double[] {1};
                }
            }
            case BILINEAR -> {
                double scale = (double) in / out;
                for (int i = 0; i < out; i++) {
                    double source = Math.max(0, scale * (i + 0.5) - 0.5);
                    int low = Math.min((int) source, in - 1);
                    double lambda = source - low;
                    first[i] = low;
                    weights[i] = low < in - 1 ? new double[] {1 - lambda, lambda} : new double[] {1};
                }
            }
            case BILINEAR_ANTIALIAS -> {
                double scale = (double) in / out;
                double support = scale >= 1 ? scale : 1;
                double inverse = scale >= 1 ? 1 / scale : 1;
                for (int i = 0; i < out; i++) {
                    double center = scale * (i + 0.5);
                    // (long) truncates towards zero, as the C++ cast of torch and PIL does
                    int low = (int) Math.max((long) (center - support + 0.5), 0);
                    int high = (int) Math.min((long) (center + support + 0.5), in);
                    double[] w = new double[high - low];
                    double total = 0;
                    for (int j = 0; j < w.length; j++) {
                        w[j] = Math.max(0, 1 - Math.abs((j + low - center + 0.5) * inverse));
                        total += w[j];
                    }
                    for (int j = 0; j < w.length; j++) {
                        w[j] = total != 0 ? w[j] / total : 0;
                    }
                    first[i] = low;
                    weights[i] = w;
                }
            }
            case AREA -> {
                // in units of 1/out input pixels: output i covers [i*in, (i+1)*in), input j [j*out, (j+1)*out)
                for (int i = 0; i < out; i++) {
                    long start = (long) i * in;
                    long end = (long) (i + 1) * in;
                    int low = (int) (start / out);
                    int high = (int) Math.min((end + out - 1) / out, in);
                    double[] w = new double[high - low];
                    for (int j = low; j < high; j++) {
                        w[j - low] = (double) (Math.min(end, (long) (j + 1) * out) - Math.max(start, (long) j * out)) / in;
                    }
                    first[i] = low;
                    weights[i] = w;
                }
            }
            default -> throw new AssertionError(this);
        }
        return new AxisWeights(first, weights);
    }

    /**
     * The weights along one axis: output {@code i} is {@code sum_k weights[i][k] * input[first[i] + k]}.
     */
    record AxisWeights(int[] first, double[][] weights) {
    }
}
