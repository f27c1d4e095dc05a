package org.glamibench.models;

/**
 * One item prepared for the EmbraceNet model.
 *
 * @param image       the image input (see {@link ImageSettings})
 * @param ids         the text's ids (see {@link TextSettings})
 * @param labelSource the label_source one-hot position, -1 for none
 * @param drawSeed    seeds the item's modality draws when selection is stochastic
 */
public record FusionInput(float[] image, int[] ids, int labelSource, long drawSeed) {
}
