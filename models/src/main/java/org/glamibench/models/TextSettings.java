package org.glamibench.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import org.glamibench.models.input.TextHasher;
import org.glamibench.models.nn.Batches;
import org.glamibench.models.nn.HashedBagBlock;
import org.glamibench.models.nn.Networks;

/**
 * The text model, as {@code model.json} records it: texts hashed by a {@link TextHasher}, an
 * embedding table of {@code buckets x embedding}, masked mean, linear head.
 *
 * @param buckets   rows of the embedding table
 * @param embedding width of the embedding (the trunk's features)
 * @param minN      shortest character n-gram
 * @param maxN      longest character n-gram
 * @param maxIds    most ids per text
 */
public record TextSettings(int buckets, int embedding, int minN, int maxN, int maxIds) {

    /** Width of the embedding by default. */
    public static final int DEFAULT_EMBEDDING = 64;

    public TextSettings {
        new TextHasher(buckets, minN, maxN, maxIds);
        if (embedding < 1) {
            throw new IllegalArgumentException("embedding width must be at least 1, got " + embedding);
        }
    }

    /** The defaults: 2^16 buckets of 64, n-grams 3 to 5, at most 512 ids. */
    public static TextSettings defaults() {
        TextHasher hasher = TextHasher.defaults();
        return new TextSettings(hasher.buckets(), DEFAULT_EMBEDDING, hasher.minN(), hasher.maxN(), hasher.maxIds());
    }

    /** The hashing of texts into ids. */
    public TextHasher hasher() {
        return new TextHasher(buckets, minN, maxN, maxIds);
    }

    /** A fresh, uninitialised classifier. */
    public SequentialBlock newClassifier(int classes) {
        return Networks.classifier(new HashedBagBlock(buckets, embedding), classes);
    }

    /** The shapes {@link #newClassifier} is initialised with (batch 1, one id). */
    public Shape[] inputShapes() {
        return new Shape[] {new Shape(1, 1), new Shape(1, 1)};
    }

    /** The model inputs of a batch of id lists: ids and mask. */
    public NDList batch(NDManager manager, List<int[]> ids) {
        return Batches.ids(manager, ids);
    }

    /** One line for model.json and descriptors. */
    public String architecture(int classes) {
        return "hashed bag: Embedding " + buckets + "x" + embedding + ", masked mean, Linear " + embedding + "->" + classes;
    }
}
