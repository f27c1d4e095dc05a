package org.glamibench.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;

/** Prepared Java arrays to the NDArrays of one batch, created by (and closed with) the given manager. */
public final class Batches {
    private Batches() {
    }

    /**
     * Items of {@code itemShape} each (e.g. {@code 3 x H x W} images, {@code d} features) as one
     * {@code N x itemShape} array.
     *
     * @throws IllegalArgumentException when an item's length is not {@code itemShape.size()}
     */
    public static NDArray stack(NDManager manager, List<float[]> items, Shape itemShape) {
        int length = Math.toIntExact(itemShape.size());
        float[] flat = new float[items.size() * length];
        for (int i = 0; i < items.size(); i++) {
            float[] item = items.get(i);
            if (item.length != length) {
                throw new IllegalArgumentException("batch item " + i + " has " + item.length + " values, expected "
                        + itemShape + " = " + length);
            }
            System.arraycopy(item, 0, flat, i * length, length);
        }
        return manager.create(flat, new Shape(items.size()).addAll(itemShape));
    }

    /**
     * Id lists as ids ({@code N x L}, INT64, padded with 0) and mask ({@code N x L}, 1 for an id),
     * L the longest list (at least 1).
     */
    public static NDList ids(NDManager manager, List<int[]> lists) {
        int longest = 1;
        for (int[] list : lists) {
            longest = Math.max(longest, list.length);
        }
        long[] ids = new long[lists.size() * longest];
        float[] mask = new float[ids.length];
        for (int i = 0; i < lists.size(); i++) {
            int[] list = lists.get(i);
            for (int j = 0; j < list.length; j++) {
                ids[i * longest + j] = list[j];
                mask[i * longest + j] = 1f;
            }
        }
        Shape shape = new Shape(lists.size(), longest);
        return new NDList(manager.create(ids, shape), manager.create(mask, shape));
    }

    /** One-hot rows ({@code N x width}) of positions; position -1 is all zeros. */
    public static NDArray oneHots(NDManager manager, int[] positions, int width) {
        float[] flat = new float[positions.length * width];
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] >= 0) {
                flat[i * width + positions[i]] = 1f;
            }
        }
        return manager.create(flat, new Shape(positions.length, width));
    }

    /** Uniform floats in [0, 1) ({@code N x size}), one generator per row. */
    public static NDArray draws(NDManager manager, List<SplittableRandom> randoms, int size) {
        float[] flat = new float[randoms.size() * size];
        for (int i = 0; i < randoms.size(); i++) {
            SplittableRandom random = randoms.get(i);
            for (int j = 0; j < size; j++) {
                flat[i * size + j] = (random.nextInt() >>> 8) * 0x1.0p-24f;
            }
        }
        return manager.create(flat, new Shape(randoms.size(), size));
    }
}
