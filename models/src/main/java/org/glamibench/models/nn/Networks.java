package org.glamibench.models.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * The image and text classifiers, each a {@link SequentialBlock} of a trunk (the features the
 * EmbraceNet model reuses) and a linear head.
 */
public final class Networks {
    /** Channels of the four CNN stages. */
    public static final List<Integer> CNN_CHANNELS = List.of(16, 32, 64, 128);

    private Networks() {
    }

    /**
     * The CNN trunk: per stage Conv 3x3 (padding 1, no bias) - BatchNorm - ReLU - MaxPool 2x2, then
     * global average pooling: NCHW in, {@code N x channels.last} out.
     */
    public static SequentialBlock cnnTrunk(List<Integer> channels) {
        SequentialBlock trunk = new SequentialBlock();
        for (int filters : channels) {
            trunk.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters)
                            .optBias(false).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2)));
        }
        return trunk.add(Pool.globalAvgPool2dBlock());
    }

    /** A classifier: the trunk, then Linear to {@code classes} logits. */
    public static SequentialBlock classifier(Block trunk, int classes) {
        return new SequentialBlock().add(trunk).add(Linear.builder().setUnits(classes).build());
    }

    /** The trunk of a block made by {@link #classifier}. */
    public static Block trunkOf(SequentialBlock classifier) {
        return classifier.getChildren().get(0).getValue();
    }

    /** One line for model.json and descriptors. */
    public static String describeCnn(List<Integer> channels, int classes) {
        return channels.size() + "x[Conv3x3-BN-ReLU-MaxPool2] " + String.join("-", channels.stream().map(String::valueOf)
                .toList()) + ", global average pool, Linear " + channels.get(channels.size() - 1) + "->" + classes;
    }
}
