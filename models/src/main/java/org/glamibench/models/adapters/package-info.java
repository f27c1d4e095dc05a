/**
 * The built-in model adapters {@code image}, {@code text} and {@code embracenet}: each loads a
 * folder written by {@code glami-bench train} ({@code --adapter-option model=DIR}, by default
 * {@code target/models/<name>}), checks its files' SHA-256 and its class index against the run's
 * before any item is scored, and predicts logits in batches on the chosen device.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.dataset, org.glamibench.models,
 * org.glamibench.models.folder, org.glamibench.models.input, org.glamibench.models.nn,
 * org.glamibench.published, org.glamibench.run, org.glamibench.stats.
 */
package org.glamibench.models.adapters;
