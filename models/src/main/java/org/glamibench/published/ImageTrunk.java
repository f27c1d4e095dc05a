package org.glamibench.published;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** The ResNeXt-50 trunk ({@link ResNeXt50}) loaded on one engine, turning photos into pooled features. */
interface ImageTrunk extends AutoCloseable {
    /** The most photos one {@link #features} call should get: larger batches run in chunks of this size. */
    int imagesPerPass();

    /**
     * The pooled features of photos, [N, 2048], on {@code scope} (a PyTorch manager).
     *
     * @param imagesChw N &gt; 0 photos of {@link GlamiEmbraceNet#IMAGE_VALUES} values each, already checked
     */
    NDArray features(NDManager scope, float[][] imagesChw);

    /** Frees the trunk's weights or session. */
    @Override
    void close();
}
