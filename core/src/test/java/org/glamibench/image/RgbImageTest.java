package org.glamibench.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class RgbImageTest {
    /** 2x2 pixels: (R,G,B) = (0,10,20) (30,40,50) / (60,70,80) (255,0,255). */
    private static final RgbImage IMAGE = new RgbImage(2, 2,
            bytes(0, 10, 20, 30, 40, 50, 60, 70, 80, 255, 0, 255));

    @Test
    void floatChwIsChannelsFirstInUnitRange() {
        float[] chw = IMAGE.toFloatChw();

        assertThat(chw).containsExactly(
                0f, 30f / 255, 60f / 255, 1f,
                10f / 255, 40f / 255, 70f / 255, 0f,
                20f / 255, 50f / 255, 80f / 255, 1f);
    }

    @Test
    void boxShrinkAveragesEachBlock() {
        assertThat(IMAGE.toFloatChw(2)).containsExactly(
                (0 + 30 + 60 + 255) / (255f * 4), (10 + 40 + 70) / (255f * 4), (20 + 50 + 80 + 255) / (255f * 4));
        assertThat(IMAGE.toFloatChw(1)).containsExactly(IMAGE.toFloatChw());
    }

    @Test
    void shrinkDropsPartialBlocksAtTheEdges() {
        RgbImage wide = new RgbImage(5, 3, new byte[5 * 3 * 3]);

        assertThat(wide.toFloatChw(2)).hasSize(2 * 1 * 3);
        assertThatThrownBy(() -> wide.toFloatChw(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsEveryImageIoLayoutToRgb() {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB}) {
            BufferedImage image = new BufferedImage(2, 1, type);
            image.setRGB(0, 0, 0x102030);
            image.setRGB(1, 0, 0xFF0080);
            assertThat(RgbImage.of(image).pixels()).as("type " + type).containsExactly(bytes(0x10, 0x20, 0x30, 0xFF, 0, 0x80));
        }
        BufferedImage grey = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 200);
        byte[] rgb = RgbImage.of(grey).pixels();
        assertThat(rgb[0]).isEqualTo(rgb[1]).isEqualTo(rgb[2]);
    }

    @Test
    void rejectsPixelsThatDoNotFitTheSize() {
        assertThatThrownBy(() -> new RgbImage(2, 2, new byte[11])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RGB image 2x2 needs 12 bytes, got 11");
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
