package org.glamibench.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * EmbraceNet (Choi and Lee, 2019) as in the published GLAMI-1M baseline: per modality a docking
 * layer Linear(d -> size) + ReLU; then each of the {@code size} features is taken from one
 * modality, chosen with equal probability; then a linear head to the class logits.
 *
 * <p>Inputs: one {@code N x d_k} feature array per modality, in order, optionally followed by an
 * {@code N x size} array of uniform draws in [0, 1). With draws, feature j of item i comes from
 * modality k when draw (i, j) falls in [k/K, (k+1)/K): the multinomial draw by inverse CDF (DJL's
 * randomMultinomial is not supported on PyTorch). Without draws the block returns the draw's
 * expectation, each docked feature weighted by its selection probability 1/K: deterministic,
 * the default at evaluation. The draws are inputs, not drawn inside, so training is reproducible
 * and resumable from a seed.
 */
public final class EmbraceNetBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int modalities;
    private final int size;
    private final int classes;
    private final List<Block> docks = new ArrayList<>();
    private final Block head;

    /**
     * @param modalities number of modalities, at least 2
     * @param size       docked features (512 in the paper)
     * @param classes    logits out
     */
    public EmbraceNetBlock(int modalities, int size, int classes) {
        super(VERSION);
        if (modalities < 2) {
            throw new IllegalArgumentException("EmbraceNet fuses at least 2 modalities, got " + modalities);
        }
        this.modalities = modalities;
        this.size = size;
        this.classes = classes;
        for (int k = 0; k < modalities; k++) {
            docks.add(addChildBlock("dock" + k, new SequentialBlock().add(Linear.builder().setUnits(size).build())
                    .add(Activation.reluBlock())));
        }
        head = addChildBlock("head", Linear.builder().setUnits(classes).build());
    }

    /** The number of docked features, the length of a row of draws. */
    public int size() {
        return size;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (inputs.size() != modalities && inputs.size() != modalities + 1) {
            throw new IllegalArgumentException("EmbraceNet of " + modalities + " modalities takes " + modalities
                    + " feature arrays and optional draws, got " + inputs.size() + " arrays");
        }
        boolean drawn = inputs.size() == modalities + 1;
        NDArray draws = drawn ? inputs.get(modalities) : null;
        NDArray fused = null;
        for (int k = 0; k < modalities; k++) {
            NDArray docked = docks.get(k).forward(parameterStore, new NDList(inputs.get(k)), training).head();
            NDArray part;
            if (drawn) {
                NDArray chosen = draws.gte((float) k / modalities);
                if (k < modalities - 1) {
                    chosen = chosen.logicalAnd(draws.lt((float) (k + 1) / modalities));
                }
                part = docked.mul(chosen.toType(DataType.FLOAT32, false));
            } else {
                part = docked.mul(1f / modalities);
            }
            fused = fused == null ? part : fused.add(part);
        }
        return head.forward(parameterStore, new NDList(fused), training);
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        for (int k = 0; k < modalities; k++) {
            docks.get(k).initialize(manager, dataType, inputShapes[k]);
        }
        head.initialize(manager, dataType, new Shape(inputShapes[0].get(0), size));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes, DataType[] inputDataTypes) {
        return getOutputShapes(inputShapes);
    }
}
