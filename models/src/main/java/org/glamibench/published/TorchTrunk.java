package org.glamibench.published;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@link ResNeXt50} trunk as DJL NDArray operations on the PyTorch engine, its folded weights
 * copied onto a manager of its own. On a CPU it takes {@value #CPU_BATCH} images at a time: a 298 x 228
 * image's activations then stay in the caches, which made the forward pass of a batch of 32 about four
 * times faster on our 2-core machines (1.8 against 7.4 items/s) than one call for the whole batch. On a
 * GPU the batch runs whole.
 */
final class TorchTrunk implements ImageTrunk {
    /** Images per forward pass on a CPU. */
    static final int CPU_BATCH = 4;

    private static final Shape POOL_KERNEL = new Shape(ResNeXt50.POOL_KERNEL, ResNeXt50.POOL_KERNEL);
    private static final Shape POOL_STRIDE = new Shape(ResNeXt50.POOL_STRIDE, ResNeXt50.POOL_STRIDE);
    private static final Shape POOL_PADDING = new Shape(ResNeXt50.POOL_PADDING, ResNeXt50.POOL_PADDING);

    private final NDManager manager;
    private final Conv stem;
    private final List<Block> blocks;

    private TorchTrunk(NDManager manager, Conv stem, List<Block> blocks) {
        this.manager = manager;
        this.stem = stem;
        this.blocks = blocks;
    }

    /** A folded convolution's weights on the trunk's manager. */
    private record Conv(NDArray weight, NDArray bias, Shape stride, Shape padding, int groups) {
        static Conv of(FoldedConv conv, NDManager manager) {
            return conv == null ? null : new Conv(manager.create(conv.weight(), new Shape(conv.weightShape())),
                    manager.create(conv.bias(), new Shape(conv.out())), new Shape(conv.stride(), conv.stride()),
                    new Shape(conv.padding(), conv.padding()), conv.groups());
        }

        NDArray apply(NDArray x) {
            return Conv2d.conv2d(x, weight, bias, stride, padding, new Shape(1, 1), groups).singletonOrThrow();
        }
    }

    /** One bottleneck; {@code shortcut} is null where the input is added unchanged. */
    private record Block(Conv reduce, Conv grouped, Conv expand, Conv shortcut) {
        NDArray apply(NDArray x) {
            NDArray identity = shortcut == null ? x : shortcut.apply(x);
            NDArray y = Activation.relu(reduce.apply(x));
            y = Activation.relu(grouped.apply(y));
            return Activation.relu(expand.apply(y).addi(identity));
        }
    }

    /** Copies the trunk's weights onto a sub-manager of {@code parent}, freed by {@link #close}. */
    static TorchTrunk on(ResNeXt50 trunk, NDManager parent) {
        NDManager manager = parent.newSubManager();
        List<Block> blocks = new ArrayList<>();
        for (ResNeXt50.Bottleneck b : trunk.blocks()) {
            blocks.add(new Block(Conv.of(b.reduce(), manager), Conv.of(b.grouped(), manager),
                    Conv.of(b.expand(), manager), Conv.of(b.shortcut(), manager)));
        }
        return new TorchTrunk(manager, Conv.of(trunk.stem(), manager), List.copyOf(blocks));
    }

    /** {@value #CPU_BATCH} on a CPU, any number on a GPU. */
    @Override
    public int imagesPerPass() {
        return manager.getDevice().isGpu() ? Integer.MAX_VALUE : CPU_BATCH;
    }

    /** The intermediate activations are freed block by block. */
    @Override
    public NDArray features(NDManager scope, float[][] imagesChw) {
        NDArray x = scoped(GlamiEmbraceNet.images(scope, imagesChw), input ->
                Pool.maxPool2d(Activation.relu(stem.apply(input)), POOL_KERNEL, POOL_STRIDE, POOL_PADDING, false));
        for (Block block : blocks) {
            NDArray next = scoped(x, block::apply);
            x.close();
            x = next;
        }
        NDArray pooled = Pool.globalAvgPool2d(x).reshape(x.getShape().get(0), ResNeXt50.FEATURES);
        x.close();
        return pooled;
    }

    /** Applies {@code step} in a sub-manager that frees its intermediates; the result goes to the input's. */
    private static NDArray scoped(NDArray input, UnaryOperator<NDArray> step) {
        NDManager owner = input.getManager();
        try (NDManager scope = owner.newSubManager()) {
            input.tempAttach(scope);
            NDArray output = step.apply(input);
            output.attach(owner);
            return output;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
