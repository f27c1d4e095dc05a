package org.glamibench.models.train;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.image.ImageDecodeException;
import org.glamibench.image.ImageFile;
import org.glamibench.image.ImageProblem;
import org.glamibench.image.JpegDecoder;
import org.glamibench.image.RgbImage;
import org.glamibench.models.input.ImagePreprocessing;

/**
 * Model inputs of the dataset's photos, decoded on demand and kept, as long as they fit in a byte
 * budget, in memory for the next epoch. Kept compact as box-filter sums (2 bytes per value:
 * {@link ImagePreprocessing#sums}), expanded to exactly the floats the evaluation computes. A photo
 * that does not fit the budget is decoded again each time it is asked for. Thread-safe: each
 * thread decodes with its own decoder.
 */
final class ImageCache {
    private final DatasetLayout layout;
    private final ImagePreprocessing preprocessing;
    private final long budgetBytes;
    private final ConcurrentHashMap<Long, short[]> kept = new ConcurrentHashMap<>();
    private final AtomicLong keptBytes = new AtomicLong();
    private final AtomicLong decoded = new AtomicLong();
    private final ThreadLocal<JpegDecoder> decoders = ThreadLocal.withInitial(JpegDecoder::new);

    /** Makes the cache once the preprocessing is known (EmbraceNet takes it from the image model). */
    @FunctionalInterface
    interface Factory {
        ImageCache create(ImagePreprocessing preprocessing);
    }

    ImageCache(DatasetLayout layout, ImagePreprocessing preprocessing, long budgetBytes) {
        this.layout = layout;
        this.preprocessing = preprocessing;
        this.budgetBytes = budgetBytes;
    }

    /**
     * The model input of a photo.
     *
     * @throws ImageDecodeException when the photo is missing, unreadable, truncated, or not of
     *                              the expected size
     */
    float[] floats(long imageId) throws ImageDecodeException {
        short[] sums = kept.get(imageId);
        if (sums == null) {
            sums = decode(imageId);
            long bytes = 2L * sums.length;
            if (keptBytes.addAndGet(bytes) <= budgetBytes) {
                if (kept.putIfAbsent(imageId, sums) != null) {
                    keptBytes.addAndGet(-bytes);
                }
            } else {
                keptBytes.addAndGet(-bytes);
            }
        }
        return preprocessing.floats(sums);
    }

    /** Photos decoded so far (a photo decoded twice counts twice). */
    long decoded() {
        return decoded.get();
    }

    /** The most bytes kept. */
    long budgetBytes() {
        return budgetBytes;
    }

    /** Photos kept in memory. */
    int keptImages() {
        return kept.size();
    }

    /** Bytes of the photos kept. */
    long keptBytes() {
        return Math.min(keptBytes.get(), budgetBytes);
    }

    private short[] decode(long imageId) throws ImageDecodeException {
        RgbImage image = RgbImage.of(decoders.get().decode(ImageFile.read(layout.image(imageId))));
        decoded.incrementAndGet();
        if (image.width() != preprocessing.width() || image.height() != preprocessing.height()) {
            throw new ImageDecodeException(new ImageProblem(ImageProblem.Kind.UNEXPECTED_SIZE, image.width() + "x"
                    + image.height() + ", the model takes " + preprocessing.width() + "x" + preprocessing.height()));
        }
        return preprocessing.sums(image);
    }
}
