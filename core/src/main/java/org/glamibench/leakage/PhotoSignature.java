package org.glamibench.leakage;

import java.util.Arrays;
import org.glamibench.image.Resampler;
import org.glamibench.image.ResizeMethod;
import org.glamibench.image.RgbImage;

/**
 * What the leakage search knows of a photo: the {@link PerceptualHash#dct DCT hash} of the whole
 * photo and of its centre (the middle {@value #CENTRE_PERCENT}% of width and height), and its colour
 * layout (the mean red, green and blue of each cell of a {@value #COLOUR_GRID} x {@value #COLOUR_GRID}
 * grid).
 *
 * <p>Two photos are <b>twins within D</b> when their {@link #distance} is at most D and their
 * {@link #colourDifference} at most {@value #COLOUR_TOLERANCE}. The distance is the smallest of
 * whole-to-whole, whole-to-centre and centre-to-whole: a copy cropped by up to 5% lines up with the
 * other photo's centre much better than with its whole, so crops stay close. The colour check
 * rejects look-alikes: the same shape in the same place in other colours (a catalogue's other
 * colourways), which a 64-bit hash of grey levels cannot tell apart. See docs/leakage.md for the
 * measurements behind both.
 *
 * @param whole  the DCT hash of the whole photo
 * @param centre the DCT hash of its centre
 * @param colour the colour layout, {@code 3 x COLOUR_GRID^2} bytes (0..255), row by row, R, G, B per cell
 */
public record PhotoSignature(long whole, long centre, byte[] colour) {
    /** Share of width and height, in percent, that the centre hash covers. */
    public static final int CENTRE_PERCENT = 95;
    /** Cells per side of the colour layout. */
    public static final int COLOUR_GRID = 4;
    /** Bytes of the colour layout. */
    public static final int COLOUR_BYTES = 3 * COLOUR_GRID * COLOUR_GRID;
    /** The largest {@link #colourDifference} of twins (mean absolute difference, 0..255 scale). */
    public static final double COLOUR_TOLERANCE = 12;

    /** @throws IllegalArgumentException when the colour layout has not {@value #COLOUR_BYTES} bytes */
    public PhotoSignature {
        if (colour.length != COLOUR_BYTES) {
            throw new IllegalArgumentException("a colour layout has " + COLOUR_BYTES + " bytes, not " + colour.length);
        }
    }

    /** The signature of a decoded photo. */
    public static PhotoSignature of(RgbImage image) {
        int width = Math.max(1, Math.round(image.width() * CENTRE_PERCENT / 100f));
        int height = Math.max(1, Math.round(image.height() * CENTRE_PERCENT / 100f));
        Resampler.Region centre = new Resampler.Region((image.width() - width) / 2, (image.height() - height) / 2,
                width, height);
        float[] cells = Resampler.resize(image, Resampler.Region.of(image), COLOUR_GRID, COLOUR_GRID, ResizeMethod.AREA);
        byte[] colour = new byte[COLOUR_BYTES];
        for (int i = 0; i < colour.length; i++) {
            colour[i] = (byte) Math.min(255, Math.round(cells[i]));
        }
        return new PhotoSignature(PerceptualHash.dct(image), PerceptualHash.dct(image, centre), colour);
    }

    /** The smallest Hamming distance of whole-to-whole, whole-to-centre and centre-to-whole, 0..64. */
    public int distance(PhotoSignature other) {
        return Math.min(PerceptualHash.distance(whole, other.whole),
                Math.min(PerceptualHash.distance(whole, other.centre), PerceptualHash.distance(centre, other.whole)));
    }

    /** The mean absolute difference of the two colour layouts, 0..255. */
    public double colourDifference(PhotoSignature other) {
        long sum = 0;
        for (int i = 0; i < colour.length; i++) {
            sum += Math.abs((colour[i] & 0xFF) - (other.colour[i] & 0xFF));
        }
        return (double) sum / colour.length;
    }

    /** Whether the two photos are twins within {@code maxDistance} (see the class documentation). */
    public boolean twinOf(PhotoSignature other, int maxDistance) {
        return distance(other) <= maxDistance && colourDifference(other) <= COLOUR_TOLERANCE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhotoSignature s && whole == s.whole && centre == s.centre && Arrays.equals(colour, s.colour);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(whole) + Long.hashCode(centre)) + Arrays.hashCode(colour);
    }

    @Override
    public String toString() {
        return String.format("PhotoSignature[whole=%016x, centre=%016x]", whole, centre);
    }
}
