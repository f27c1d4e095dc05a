/**
 * The DJL blocks of the built-in models: the small CNN ({@link org.glamibench.models.nn.Networks}),
 * the masked mean of hashed embeddings ({@link org.glamibench.models.nn.HashedBagBlock}), the
 * EmbraceNet fusion ({@link org.glamibench.models.nn.EmbraceNetBlock}) and the whole fused model
 * ({@link org.glamibench.models.nn.FusionBlock}). Blocks hold no data preparation: inputs come
 * from {@code org.glamibench.models.input} through {@link org.glamibench.models.nn.Batches}.
 *
 * <p>May import: no other package of the harness.
 */
package org.glamibench.models.nn;
