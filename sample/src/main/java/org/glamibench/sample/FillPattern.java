package org.glamibench.sample;

/**
 * The 8 ways the sample's painter fills a {@link Silhouette}, in the object's main colour and a
 * lighter tone of it. All are coarse (stripes, check squares and dots are spaced a quarter
 * of the object's width apart) so that they survive downscaling to 57x74 pixels.
 */
public enum FillPattern {
    /** One colour. */
    SOLID,
    /** Horizontal stripes. */
    H_STRIPES,
    /** Vertical stripes. */
    V_STRIPES,
    /** Large checks. */
    CHECKS,
    /** Large dots. */
    DOTS,
    /** Diagonal stripes. */
    DIAGONAL,
    /** Upper part in the main colour, lower part in the light tone. */
    TWO_TONE,
    /** Light inside with a thick border in the main colour. */
    OUTLINE
}
