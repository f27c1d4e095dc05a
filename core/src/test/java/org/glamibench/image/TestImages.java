package org.glamibench.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** JPEG bytes for tests: photo-like images of any size and the broken files met in practice. */
public final class TestImages {
    private TestImages() {
    }

    /** A JPEG of the given size with a gradient and a shape, so it is not trivially compressible. */
    public static byte[] jpeg(int width, int height, int imageType) {
        BufferedImage image = new BufferedImage(width, height, imageType);
        Graphics2D g = image.createGraphics();
        for (int y = 0; y < height; y++) {
            g.setColor(new Color((y * 255) / height, 120, 255 - (y * 255) / height));
            g.drawLine(0, y, width, y);
        }
        g.setColor(Color.DARK_GRAY);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A valid 228x298 RGB JPEG. */
    public static byte[] glamiJpeg() {
        return jpeg(ImageCheck.WIDTH, ImageCheck.HEIGHT, BufferedImage.TYPE_INT_RGB);
    }

    /** The first part of a valid JPEG, cut after its header: decodes silently in plain ImageIO. */
    public static byte[] truncated() {
        byte[] whole = glamiJpeg();
        return Arrays.copyOf(whole, whole.length / 2);
    }
}
