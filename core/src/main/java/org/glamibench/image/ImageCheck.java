package org.glamibench.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.glamibench.files.Sha256;

/**
 * Checks that an item's image is usable as published: present, a decodable JPEG, not truncated,
 * and 228 wide by 298 high. Not thread-safe: one instance per thread.
 */
public final class ImageCheck implements AutoCloseable {
    /** Width of the default GLAMI-1M images. */
    public static final int WIDTH = 228;
    /** Height of the default GLAMI-1M images. */
    public static final int HEIGHT = 298;

    private final JpegDecoder decoder = new JpegDecoder();

    /**
     * The outcome of checking one file.
     *
     * @param problem null when the image is fine
     * @param sha256  hex SHA-256 of the file's bytes; null when it is missing
     */
    public record Result(ImageProblem problem, String sha256) {
        /** Whether the image is usable. */
        public boolean ok() {
            return problem == null;
        }
    }

    /** Reads, hashes and decodes the file. Never throws for a bad image: the result says why. */
    public Result check(Path file) {
        byte[] bytes;
        try {
            bytes = ImageFile.read(file);
        } catch (ImageDecodeException e) {
            return new Result(e.problem(), null);
        }
        String sha256 = Sha256.hexOf(bytes);
        try {
            BufferedImage image = decoder.decode(bytes);
            if (image.getWidth() != WIDTH || image.getHeight() != HEIGHT) {
                return new Result(new ImageProblem(ImageProblem.Kind.UNEXPECTED_SIZE,
                        image.getWidth() + "x" + image.getHeight() + ", expected " + WIDTH + "x" + HEIGHT), sha256);
            }
            return new Result(null, sha256);
        } catch (ImageDecodeException e) {
            return new Result(e.problem(), sha256);
        }
    }

    @Override
    public void close() {
        decoder.close();
    }
}
