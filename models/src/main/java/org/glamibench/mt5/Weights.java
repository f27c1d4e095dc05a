package org.glamibench.mt5;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.glamibench.torch.StateDict;
import org.glamibench.torch.TorchFileException;

/** State-dict tensors to float32 NDArrays, their shapes checked. */
final class Weights {
    private Weights() {
    }

    /**
     * The tensor at {@code key}, of {@code shape}, as an array of {@code manager}.
     *
     * @throws TorchFileException naming the key when it is missing or has another shape
     */
    static NDArray array(StateDict state, NDManager manager, String key, long... shape) {
        return manager.create(state.take(key, shape).toFloats(), new Shape(shape));
    }

    /**
     * The {@code [out, in]} weight of a linear layer at {@code key}, transposed to {@code [in, out]} so that
     * {@code x.matMul(weight)} applies the layer.
     *
     * @throws TorchFileException naming the key when it is missing or has another shape
     */
    static NDArray linear(StateDict state, NDManager manager, String key, long out, long in) {
        return array(state, manager, key, out, in).transpose(1, 0);
    }
}
