/**
 * Decoded images as adapters receive them: 8-bit RGB pixels
 * ({@link org.glamibench.image.RgbImage}).
 *
 * <p>May import: no other package of the harness.
 */
package org.glamibench.image;
