package org.glamibench.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A bag of hashed features (fastText): an embedding table of {@code buckets x size}, and per
 * item the mean of the rows of its ids. Inputs: ids ({@code N x L}, INT64) and a mask
 * ({@code N x L}, FLOAT32, 1 for an id, 0 for padding); output {@code N x size}. An item without
 * ids gets zeros. Gradients are dense (DJL's optimizers reject sparse ones on PyTorch).
 */
public final class HashedBagBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int size;
    private final Parameter table;

    /** A table of {@code buckets x size}, initialised N(0, 0.05). */
    public HashedBagBlock(int buckets, int size) {
        super(VERSION);
        this.size = size;
        this.table = addParameter(Parameter.builder().setName("table").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(buckets, size)).optInitializer(new NormalInitializer(0.05f)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray mask = inputs.get(1);
        NDArray weight = parameterStore.getValue(table, ids.getDevice(), training);
        NDArray vectors = Embedding.embedding(ids, weight, SparseFormat.DENSE).head();
        NDArray sums = vectors.mul(mask.expandDims(2)).sum(new int[] {1});
        NDArray counts = mask.sum(new int[] {1}, true).maximum(1f);
        return new NDList(sums.div(counts));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), size)};
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes, DataType[] inputDataTypes) {
        return getOutputShapes(inputShapes);
    }
}
