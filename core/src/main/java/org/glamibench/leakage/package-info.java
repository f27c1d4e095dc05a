/**
 * Train/test leakage: near-duplicate photos (64-bit perceptual hashes, {@link
 * org.glamibench.leakage.PerceptualHash}, searched within a Hamming distance with {@link
 * org.glamibench.leakage.HammingIndex}) and identical normalised texts ({@link
 * org.glamibench.leakage.TextKeys}) between the test split and the train split, and the scores of
 * a run on the test items that have no such twin (the clean subset).
 *
 * <p>May import: org.glamibench.dataset, org.glamibench.eval, org.glamibench.files, org.glamibench.image,
 * org.glamibench.run, org.glamibench.stats, org.glamibench.store.
 */
package org.glamibench.leakage;
