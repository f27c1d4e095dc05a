package org.glamibench.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an image file's bytes, turning I/O failures into image problems. */
public final class ImageFile {
    private ImageFile() {
    }

    /**
     * The file's bytes.
     *
     * @throws ImageDecodeException MISSING when there is no such file, UNREADABLE when it cannot
     *                              be read
     */
    public static byte[] read(Path file) throws ImageDecodeException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageDecodeException(new ImageProblem(ImageProblem.Kind.MISSING, "no file " + file.getFileName()));
        } catch (IOException e) {
            throw new ImageDecodeException(new ImageProblem(ImageProblem.Kind.UNREADABLE, e.toString()));
        }
    }
}
