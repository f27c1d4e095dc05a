/**
 * The built-in model adapters {@code image}, {@code text} and {@code embracenet}: each loads a
 * folder written by {@code glami-bench train} ({@code --adapter-option model=DIR}, by default
 * {@code target/models/<name>}), checks its files' SHA-256 and its class index against the run's
 * before any item is scored, and predicts logits in batches on the chosen device.
 */
package org.glamibench.models.adapters;
