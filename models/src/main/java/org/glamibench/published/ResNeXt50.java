package org.glamibench.published;

import java.util.ArrayList;
import java.util.List;

/**
 * torchvision's resnext50_32x4d up to its global average pooling, in eval mode, as folded weights: conv1
 * 7x7/2 (64) + BatchNorm + ReLU, max pool 3x3/2 pad 1, then 3/4/6/3 bottlenecks of width
 * 128/256/512/1024 and output 256/512/1024/2048 (1x1 conv, 3x3 conv in 32 groups carrying the stride,
 * 1x1 conv; each with BatchNorm; a 1x1 strided conv + BatchNorm as shortcut in the first block of each
 * layer), then the mean over height and width: 2048 features. The state-dict keys are torchvision's
 * under a prefix. {@link TorchTrunk} and {@link OnnxTrunk} run it.
 *
 * @param stem   conv1 with bn1, followed by ReLU and the max pool
 * @param blocks the 16 bottlenecks in order
 */
record ResNeXt50(FoldedConv stem, List<Bottleneck> blocks) {
    /** The pooled feature width. */
    static final int FEATURES = 2048;
    /** The max pool after the stem: kernel 3, stride 2, padding 1. */
    static final int POOL_KERNEL = 3;
    /** The max pool's stride. */
    static final int POOL_STRIDE = 2;
    /** The max pool's padding on each side. */
    static final int POOL_PADDING = 1;

    private static final int[] BLOCKS = {3, 4, 6, 3};
    private static final int GROUPS = 32;

    /**
     * One bottleneck: {@code relu(expand(relu(grouped(relu(reduce(x))))) + shortcut(x))}; {@code shortcut}
     * is null where the input is added unchanged.
     */
    record Bottleneck(FoldedConv reduce, FoldedConv grouped, FoldedConv expand, FoldedConv shortcut) {
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
}
