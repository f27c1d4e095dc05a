package org.glamibench.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes JPEG bytes with one reused ImageIO reader, turning the decoder's silent failures into
 * errors: ImageIO returns null for a non-image and decodes a truncated file without error (the
 * missing rows grey), reporting it only to a warning listener. Here both throw an
 * {@link ImageDecodeException}. Not thread-safe: use one instance per thread.
 */
public final class JpegDecoder implements AutoCloseable {
    private final ImageReader reader;
    private final List<String> warnings = new ArrayList<>();

    /** A decoder with its own ImageIO JPEG reader. */
    public JpegDecoder() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new IllegalStateException("this JDK has no ImageIO JPEG reader");
        }
        this.reader = readers.next();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    }

    /**
     * Decodes a whole JPEG file's bytes.
     *
     * @throws ImageDecodeException UNREADABLE for empty or non-JPEG bytes or a decoder error,
     *                              TRUNCATED when the decoder warned that data is missing
     */
    public BufferedImage decode(byte[] bytes) throws ImageDecodeException {
        if (bytes.length == 0) {
            throw new ImageDecodeException(new ImageProblem(ImageProblem.Kind.UNREADABLE, "empty file"));
        }
        warnings.clear();
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                throw new ImageDecodeException(new ImageProblem(ImageProblem.Kind.TRUNCATED, String.join("; ", warnings)));
            }
            return image;
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new ImageDecodeException(new ImageProblem(ImageProblem.Kind.UNREADABLE, message));
        } finally {
            reader.setInput(null);
        }
    }

    @Override
    public void close() {
        reader.dispose();
    }
}
