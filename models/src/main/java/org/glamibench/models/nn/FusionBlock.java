package org.glamibench.models.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The whole EmbraceNet model: the image trunk and the text trunk, whose features go into an
 * {@link EmbraceNetBlock}, optionally with the {@code label_source} one-hot as a third modality.
 *
 * <p>Inputs: image ({@code N x 3 x H x W}), text ids and mask ({@code N x L} each), the
 * label-source one-hot ({@code N x 5}) when used, then optional draws ({@code N x size}, see
 * {@link EmbraceNetBlock}).
 */
public final class FusionBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Block image;
    private final Block text;
    private final EmbraceNetBlock embrace;
    private final boolean labelSource;

    /**
     * @param image       the image trunk (N x 3 x H x W -> N x d)
     * @param text        the text trunk (ids, mask -> N x d)
     * @param embrace     the fusion over 2 modalities, or 3 with {@code labelSource}
     * @param labelSource whether the label-source one-hot is the third modality
     */
    public FusionBlock(Block image, Block text, EmbraceNetBlock embrace, boolean labelSource) {
        super(VERSION);
        this.image = addChildBlock("image", image);
        this.text = addChildBlock("text", text);
        this.embrace = addChildBlock("embrace", embrace);
        this.labelSource = labelSource;
    }

    /** The fusion part, trained alone when the encoders are frozen. */
    public EmbraceNetBlock embrace() {
        return embrace;
    }

    /** The trunks' features of a batch (inputs as for forward; the rest is ignored): image, text. */
    public NDList features(ParameterStore parameterStore, NDList inputs, boolean training) {
        NDList features = new NDList(2);
        features.add(image.forward(parameterStore, new NDList(inputs.get(0)), training).head());
        features.add(text.forward(parameterStore, new NDList(inputs.get(1), inputs.get(2)), training).head());
        return features;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList fusionInputs = features(parameterStore, inputs, training);
        for (int i = 3; i < inputs.size(); i++) {
            fusionInputs.add(inputs.get(i));
        }
        return embrace.forward(parameterStore, fusionInputs, training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        image.initialize(manager, dataType, inputShapes[0]);
        text.initialize(manager, dataType, inputShapes[1], inputShapes[2]);
        Shape imageOut = image.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        Shape textOut = text.getOutputShapes(new Shape[] {inputShapes[1], inputShapes[2]})[0];
        embrace.initialize(manager, dataType, labelSource
                ? new Shape[] {imageOut, textOut, inputShapes[3]} : new Shape[] {imageOut, textOut});
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), embrace.getOutputShapes(inputShapes)[0].get(1))};
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes, DataType[] inputDataTypes) {
        return getOutputShapes(inputShapes);
    }
}
