package org.glamibench.mt5;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.glamibench.torch.StateDict;
import org.glamibench.torch.TorchFileException;

/**
 * One encoder block: RMS norm, self-attention without score scaling, residual; RMS norm, gated-GELU
 * feed-forward, residual. Results of {@link #forward} belong to the manager of its input, never to the
 * weights' manager.
 */
final class Mt5Block {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
    private static final double GELU_CUBIC = 0.044715;

    private final Mt5Config config;
    private final NDArray attentionNorm;
    private final NDArray query;
    private final NDArray key;
    private final NDArray value;
    private final NDArray output;
    private final NDArray feedForwardNorm;
    private final NDArray gate;
    private final NDArray linear;
    private final NDArray down;

    /**
     * Takes block {@code index}'s weights ({@code encoder.block.{index}.layer.*}) from {@code state} into
     * arrays of {@code manager}.
     *
     * @throws TorchFileException naming the key when one is missing or has another shape
     */
    Mt5Block(StateDict state, int index, Mt5Config config, NDManager manager) {
        String attention = "encoder.block." + index + ".layer.0.";
        String feedForward = "encoder.block." + index + ".layer.1.";
        long d = config.dModel();
        long inner = config.innerDim();
        long ff = config.dFf();
        this.config = config;
        this.attentionNorm = Weights.array(state, manager, attention + "layer_norm.weight", d);
        this.query = Weights.linear(state, manager, attention + "SelfAttention.q.weight", inner, d);
        this.key = Weights.linear(state, manager, attention + "SelfAttention.k.weight", inner, d);
        this.value = Weights.linear(state, manager, attention + "SelfAttention.v.weight", inner, d);
        this.output = Weights.linear(state, manager, attention + "SelfAttention.o.weight", d, inner);
        this.feedForwardNorm = Weights.array(state, manager, feedForward + "layer_norm.weight", d);
        this.gate = Weights.linear(state, manager, feedForward + "DenseReluDense.wi_0.weight", ff, d);
        this.linear = Weights.linear(state, manager, feedForward + "DenseReluDense.wi_1.weight", ff, d);
        this.down = Weights.linear(state, manager, feedForward + "DenseReluDense.wo.weight", d, ff);
    }

    /**
     * The block applied to {@code hidden} ({@code [batch, length, dModel]}), with {@code bias}
     * ({@code [batch, heads, length, length]}: relative position bias plus the key mask) added to the scores.
     */
    NDArray forward(NDArray hidden, NDArray bias) {
        NDArray normed = rmsNorm(hidden, attentionNorm, config.epsilon());
        NDArray queries = splitHeads(normed.matMul(query));
        NDArray keys = splitHeads(normed.matMul(key));
        NDArray values = splitHeads(normed.matMul(value));
        NDArray scores = queries.matMul(keys.transpose(0, 1, 3, 2)).add(bias);
        NDArray context = scores.softmax(-1).matMul(values).transpose(0, 2, 1, 3)
                .reshape(hidden.getShape().get(0), hidden.getShape().get(1), config.innerDim());
        NDArray attended = hidden.add(context.matMul(output));
        NDArray normedAgain = rmsNorm(attended, feedForwardNorm, config.epsilon());
        NDArray gated = geluTanh(normedAgain.matMul(gate)).mul(normedAgain.matMul(linear));
        return attended.add(gated.matMul(down));
    }

    /** T5's layer norm: {@code x / sqrt(mean(x^2) + epsilon) * weight} over the last axis (no centring, no bias). */
    static NDArray rmsNorm(NDArray x, NDArray weight, double epsilon) {
        NDArray meanSquare = x.square().mean(new int[] {-1}, true);
        return x.div(meanSquare.add(epsilon).sqrt()).mul(weight);
    }

    private NDArray splitHeads(NDArray projected) {
        return projected.reshape(projected.getShape().get(0), projected.getShape().get(1), config.heads(),
                config.dKv()).transpose(0, 2, 1, 3);
    }

    /** GELU, tanh approximation (Hugging Face's "gelu_new"). */
    private static NDArray geluTanh(NDArray x) {
        NDArray inner = x.pow(3).mul(GELU_CUBIC).add(x).mul(SQRT_2_OVER_PI);
        return inner.tanh().add(1).mul(x).mul(0.5);
    }
}
