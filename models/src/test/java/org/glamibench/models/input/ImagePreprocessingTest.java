package org.glamibench.models.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.glamibench.image.RgbImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ImagePreprocessingTest {

    /** A photo-sized image whose pixels take every byte value, and extreme blocks of 0 and 255. */
    private static RgbImage image(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[228 * 298 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i < 256 ? i : random.nextInt(256));
        }
        for (int i = 3 * 228 * 100; i < 3 * 228 * 108; i++) {
            pixels[i] = (byte) 255;
        }
        return new RgbImage(228, 298, pixels);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void compactSumsExpandToExactlyTheFloatsOfTheBoxFilter(int factor) {
        ImagePreprocessing preprocessing = ImagePreprocessing.glami(factor);
        for (long seed = 1; seed <= 3; seed++) {
            RgbImage image = image(seed);
            float[] direct = preprocessing.floats(image);
            assertThat(direct).hasSize(preprocessing.inputSize()).isEqualTo(image.toFloatChw(factor));
            assertThat(preprocessing.floats(preprocessing.sums(image))).isEqualTo(direct);
        }
    }

    @Test
    void quarterResolutionIs57By74() {
        ImagePreprocessing quarter = ImagePreprocessing.glami(4);
        assertThat(quarter.inputWidth()).isEqualTo(57);
        assertThat(quarter.inputHeight()).isEqualTo(74);
        assertThat(quarter.inputSize()).isEqualTo(3 * 74 * 57);
    }

    @Test
    void aPhotoOfAnotherSizeOrAnUnsupportedFactorIsAnError() {
        assertThatThrownBy(() -> ImagePreprocessing.glami(4).floats(new RgbImage(100, 100, new byte[100 * 100 * 3])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("image is 100x100, the model expects 228x298");
        assertThatThrownBy(() -> ImagePreprocessing.glami(3)).hasMessageContaining("must be 1, 2 or 4");
    }
}
