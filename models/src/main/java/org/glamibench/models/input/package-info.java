/**
 * Items to model inputs, the same code at training and at evaluation time: the photo shrunk by a
 * box filter to floats in [0, 1] ({@link org.glamibench.models.input.ImagePreprocessing}), the
 * text hashed into word and character n-gram buckets ({@link org.glamibench.models.input.TextHasher}),
 * and {@code label_source} as a one-hot position ({@link org.glamibench.models.input.LabelSourceCode}).
 * Plain Java, no engine: safe to call on worker threads.
 *
 * <p>May import: org.glamibench.dataset, org.glamibench.image.
 */
package org.glamibench.models.input;
