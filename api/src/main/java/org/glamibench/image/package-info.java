/**
 * Decoded product photos as 8-bit RGB pixels ({@link org.glamibench.image.RgbImage}), and their
 * conversion to the float arrays models read.
 *
 * <p>May import: no other package of the harness.
 */
package org.glamibench.image;
