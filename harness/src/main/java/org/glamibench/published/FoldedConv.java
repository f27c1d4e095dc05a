package org.glamibench.published;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A bias-free 2-d convolution followed by an eval-mode BatchNorm (eps 1e-5, running statistics),
 * folded into one convolution with a bias: per output channel {@code c}, with
 * {@code s = gamma[c] / sqrt(running_var[c] + eps)}, the weights are scaled by {@code s} and the bias
 * is {@code beta[c] - running_mean[c] * s}, computed in double precision.
 */
final class FoldedConv {
    /** torch.nn.BatchNorm2d's default epsilon. */
    static final double BATCH_NORM_EPS = 1e-5;

    private final NDArray weight;
    private final NDArray bias;
    private final Shape stride;
    private final Shape padding;
    private final int groups;

    private FoldedConv(NDArray weight, NDArray bias, int stride, int padding, int groups) {
        this.weight = weight;
        this.bias = bias;
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(padding, padding);
        this.groups = groups;
    }

    /**
     * Takes {@code convKey + ".weight"} [out, in / groups, kernel, kernel] and the BatchNorm's weight,
     * bias, running_mean, running_var [out] and num_batches_tracked under {@code bnPrefix}.
     *
     * @throws org.glamibench.torch.TorchFileException when a tensor is missing or mis-shaped
     */
    static FoldedConv load(CheckpointParameters parameters, String convKey, String bnPrefix, int in, int out,
                           int kernel, int stride, int groups) {
        float[] weight = parameters.parameter(convKey + ".weight", out, in / groups, kernel, kernel);
        float[] gamma = parameters.parameter(bnPrefix + ".weight", out);
        float[] beta = parameters.parameter(bnPrefix + ".bias", out);
        float[] mean = parameters.buffer(bnPrefix + ".running_mean", out);
        float[] variance = parameters.buffer(bnPrefix + ".running_var", out);
        parameters.batchesTracked(bnPrefix + ".num_batches_tracked");
        int perChannel = weight.length / out;
        float[] bias = new float[out];
        for (int c = 0; c < out; c++) {
            double scale = gamma[c] / Math.sqrt(variance[c] + BATCH_NORM_EPS);
            for (int i = c * perChannel; i < (c + 1) * perChannel; i++) {
                weight[i] = (float) (weight[i] * scale);
            }
            bias[c] = (float) (beta[c] - mean[c] * scale);
        }
        return new FoldedConv(parameters.array(weight, out, in / groups, kernel, kernel),
                parameters.array(bias, out), stride, kernel / 2, groups);
    }

    /** The convolution of {@code x} [N, in, H, W], with the BatchNorm applied. */
    NDArray apply(NDArray x) {
        return Conv2d.conv2d(x, weight, bias, stride, padding, new Shape(1, 1), groups).singletonOrThrow();
    }
}
