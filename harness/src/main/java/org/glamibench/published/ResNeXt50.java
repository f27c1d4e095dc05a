package org.glamibench.published;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * torchvision's resnext50_32x4d up to its global average pooling, in eval mode: conv1 7x7/2 (64) +
 * BatchNorm + ReLU, max pool 3x3/2 pad 1, then 3/4/6/3 bottlenecks of width 128/256/512/1024 and
 * output 256/512/1024/2048 (1x1 conv, 3x3 conv in 32 groups carrying the stride, 1x1 conv; each with
 * BatchNorm; a 1x1 strided conv + BatchNorm as shortcut in the first block of each layer), then the
 * mean over height and width: 2048 features. The state-dict keys are torchvision's under a prefix.
 */
final class ResNeXt50 {
    /** The pooled feature width. */
    static final int FEATURES = 2048;

    private static final int[] BLOCKS = {3, 4, 6, 3};
    private static final int GROUPS = 32;
    private static final Shape POOL_KERNEL = new Shape(3, 3);
    private static final Shape POOL_STRIDE = new Shape(2, 2);
    private static final Shape POOL_PADDING = new Shape(1, 1);

    private final FoldedConv stem;
    private final List<Bottleneck> blocks;

    private ResNeXt50(FoldedConv stem, List<Bottleneck> blocks) {
        this.stem = stem;
        this.blocks = blocks;
    }

    /** One bottleneck; {@code shortcut} is null where the input is added unchanged. */
    private record Bottleneck(FoldedConv reduce, FoldedConv grouped, FoldedConv expand, FoldedConv shortcut) {
        NDArray apply(NDArray x) {
            NDArray identity = shortcut == null ? x : shortcut.apply(x);
            NDArray y = Activation.relu(reduce.apply(x));
            y = Activation.relu(grouped.apply(y));
            return Activation.relu(expand.apply(y).addi(identity));
        }
    }

    /**
     * Takes every tensor of the network under {@code prefix} (e.g. {@code "pre_2."}).
     *
     * @throws org.glamibench.torch.TorchFileException when a tensor is missing or mis-shaped
     */
    static ResNeXt50 load(CheckpointParameters parameters, String prefix) {
        FoldedConv stem = FoldedConv.load(parameters, prefix + "conv1", prefix + "bn1", 3, 64, 7, 2, 1);
        List<Bottleneck> blocks = new ArrayList<>();
        int in = 64;
        for (int layer = 0; layer < BLOCKS.length; layer++) {
            int width = 128 << layer;
            int out = 256 << layer;
            int stride = layer == 0 ? 1 : 2;
            for (int block = 0; block < BLOCKS[layer]; block++) {
                String at = prefix + "layer" + (layer + 1) + "." + block + ".";
                FoldedConv reduce = FoldedConv.load(parameters, at + "conv1", at + "bn1", in, width, 1, 1, 1);
                FoldedConv grouped = FoldedConv.load(parameters, at + "conv2", at + "bn2", width, width, 3,
                        block == 0 ? stride : 1, GROUPS);
                FoldedConv expand = FoldedConv.load(parameters, at + "conv3", at + "bn3", width, out, 1, 1, 1);
                FoldedConv shortcut = block == 0
                        ? FoldedConv.load(parameters, at + "downsample.0", at + "downsample.1", in, out, 1, stride, 1)
                        : null;
                blocks.add(new Bottleneck(reduce, grouped, expand, shortcut));
                in = out;
            }
        }
        return new ResNeXt50(stem, List.copyOf(blocks));
    }

    /**
     * The pooled features [N, 2048] of images [N, 3, H, W], attached to the images' manager; the
     * intermediate activations are freed block by block.
     */
    NDArray features(NDArray images) {
        NDArray x = scoped(images, input -> Pool.maxPool2d(Activation.relu(stem.apply(input)),
                POOL_KERNEL, POOL_STRIDE, POOL_PADDING, false));
        for (Bottleneck block : blocks) {
            NDArray next = scoped(x, block::apply);
            x.close();
            x = next;
        }
        NDArray pooled = Pool.globalAvgPool2d(x).reshape(x.getShape().get(0), FEATURES);
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
}
