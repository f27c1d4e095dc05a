package org.glamibench.leakage;

import static org.assertj.core.api.Assertions.assertThat;

import org.glamibench.image.RgbImage;
import org.junit.jupiter.api.Test;

/** The two hashes on images whose hashes follow from their definitions. */
class PerceptualHashTest {

    @Test
    void differenceHashOfABrighteningRowIsAllOnes() {
        assertThat(PerceptualHash.difference(image((x, y) -> x))).isEqualTo(-1L);
        assertThat(PerceptualHash.difference(image((x, y) -> 255 - x))).isZero();
    }

    @Test
    void dctHashSetsHalfTheBitsAndIsItsOwnTwin() {
        RgbImage image = image((x, y) -> (x * 7 + y * 3 + (x * y) % 17) % 256);
        long hash = PerceptualHash.dct(image);
        assertThat(Long.bitCount(hash)).isEqualTo(32);
        assertThat(PerceptualHash.distance(hash, PerceptualHash.dct(image))).isZero();
        // Brightness and contrast do not move it: a linear change of grey levels scales the AC coefficients.
        RgbImage darker = image((x, y) -> ((x * 7 + y * 3 + (x * y) % 17) % 256) / 2 + 10);
        assertThat(PerceptualHash.distance(hash, PerceptualHash.dct(darker))).isLessThanOrEqualTo(2);
        PhotoSignature signature = PhotoSignature.of(image);
        assertThat(signature.distance(signature)).isZero();
        assertThat(signature.colourDifference(PhotoSignature.of(darker))).isGreaterThan(PhotoSignature.COLOUR_TOLERANCE);
    }

    private interface Grey {
        int at(int x, int y);
    }

    private static RgbImage image(Grey grey) {
        int width = 228;
        int height = 298;
        byte[] pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                byte v = (byte) grey.at(x, y);
                int i = 3 * (y * width + x);
                pixels[i] = v;
                pixels[i + 1] = v;
                pixels[i + 2] = v;
            }
        }
        return new RgbImage(width, height, pixels);
    }
}
