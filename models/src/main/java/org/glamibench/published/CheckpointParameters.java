package org.glamibench.published;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.glamibench.torch.StateDict;
import org.glamibench.torch.TorchFileException;
import org.glamibench.torch.TorchTensor;

/**
 * Takes the tensors of a model_state_dict by key and shape, as float32 values or as NDArrays on a
 * manager, counting the trainable parameters (what torch's {@code parameters()} lists) apart from
 * the buffers (BatchNorm running statistics and batch counts).
 */
final class CheckpointParameters {
    private final Path file;
    private final StateDict state;
    private final NDManager manager;
    private long parameterCount;

    CheckpointParameters(Path file, StateDict state, NDManager manager) {
        this.file = file;
        this.state = state;
        this.manager = manager;
    }

    /**
     * The values of a trainable parameter, in C order; counts them.
     *
     * @throws TorchFileException when the key is missing or the tensor has another shape or is not float32
     */
    float[] parameter(String key, long... shape) {
        float[] values = floats(key, shape);
        parameterCount += values.length;
        return values;
    }

    /**
     * The values of a float32 buffer, in C order; not counted.
     *
     * @throws TorchFileException when the key is missing or the tensor has another shape or is not float32
     */
    float[] buffer(String key, long... shape) {
        return floats(key, shape);
    }

    /**
     * A trainable parameter as an NDArray on the manager; counts it.
     *
     * @throws TorchFileException when the key is missing or the tensor has another shape or is not float32
     */
    NDArray array(String key, long... shape) {
        return manager.create(parameter(key, shape), new Shape(shape));
    }

    /**
     * Checks a BatchNorm's num_batches_tracked: an int64 scalar, not negative.
     *
     * @throws TorchFileException when the key is missing or the tensor is anything else
     */
    void batchesTracked(String key) {
        TorchTensor tensor = state.take(key, new long[0]);
        if (tensor.dtype() != TorchTensor.DType.INT64) {
            throw new TorchFileException(file, key + " is " + tensor.describe() + ", not an int64 scalar");
        }
        long batches = tensor.toLongs()[0];
        if (batches < 0) {
            throw new TorchFileException(file, key + " is " + batches + ", a negative batch count");
        }
    }

    /**
     * A trainable float32 matrix of {@code rows} rows and any number of columns as an NDArray on the
     * manager; counts it.
     *
     * @throws TorchFileException when the key is missing or the tensor is not such a matrix
     */
    NDArray matrix(String key, long rows) {
        TorchTensor tensor = state.take(key);
        long[] shape = tensor.shape();
        if (shape.length != 2 || shape[0] != rows || tensor.dtype() != TorchTensor.DType.FLOAT32) {
            throw new TorchFileException(file, key + " is " + tensor.describe() + ", expected float32[" + rows
                    + ", any]");
        }
        float[] values = tensor.toFloats();
        parameterCount += values.length;
        return manager.create(values, new Shape(shape));
    }

    /**
     * Checks that every tensor of the state dict was taken.
     *
     * @throws TorchFileException naming the keys left
     */
    void requireAllTaken() {
        state.requireAllTaken();
    }

    /** The number of parameter values taken so far. */
    long parameterCount() {
        return parameterCount;
    }

    private float[] floats(String key, long... shape) {
        TorchTensor tensor = state.take(key, shape);
        if (tensor.dtype() != TorchTensor.DType.FLOAT32) {
            throw new TorchFileException(file, key + " is " + tensor.describe() + ", not float32");
        }
        return tensor.toFloats();
    }
}
