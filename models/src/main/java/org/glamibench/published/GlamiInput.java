package org.glamibench.published;

/**
 * One item prepared for the published EmbraceNet.
 *
 * @param image     the photo as floats in [0, 1], CHW, 3 x 298 x 228
 * @param features  the item's precomputed text features; null when the text is encoded in predict
 * @param text      name, a space, description: what the text encoder reads
 * @param source    the label_source's one-hot position
 * @param drawSeed  the seed of the item's modality draws (sampled embracement)
 */
record GlamiInput(float[] image, float[] features, String text, int source, long drawSeed) {
}
