package org.glamibench.adapter.exported;

/**
 * One item prepared for an exported model.
 *
 * @param image the image input; null when the model reads no image
 * @param text  the tokens; null when the model reads no text
 */
public record ExportedInput(float[] image, TextEncoder.Encoded text) {
}
