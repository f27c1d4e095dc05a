package org.glamibench.published;

/**
 * A bias-free 2-d convolution followed by an eval-mode BatchNorm (eps 1e-5, running statistics),
 * folded into one convolution with a bias: per output channel {@code c}, with
 * {@code s = gamma[c] / sqrt(running_var[c] + eps)}, the weights are scaled by {@code s} and the bias
 * is {@code beta[c] - running_mean[c] * s}, computed in double precision. Square kernels, padding
 * {@code kernel / 2}, no dilation. The one source of the folded values for every engine that runs
 * the trunk; the arrays are shared, never to be modified.
 *
 * @param weight the folded weights, [out, in / groups, kernel, kernel] in C order
 * @param bias   the folded bias, [out]
 */
record FoldedConv(float[] weight, float[] bias, int in, int out, int kernel, int stride, int groups) {
    /** torch.nn.BatchNorm2d's default epsilon. */
    static final double BATCH_NORM_EPS = 1e-5;

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
        return new FoldedConv(weight, bias, in, out, kernel, stride, groups);
    }

    /** The shape of {@link #weight}: [out, in / groups, kernel, kernel]. */
    long[] weightShape() {
        return new long[] {out, in / groups, kernel, kernel};
    }

    /** The zero padding on each side, {@code kernel / 2}. */
    int padding() {
        return kernel / 2;
    }
}
