package org.glamibench.leakage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.image.ImageDecodeException;
import org.glamibench.image.ImageFile;
import org.glamibench.image.JpegDecoder;
import org.glamibench.image.RgbImage;

/**
 * Computes the {@link PhotoSignature} of every image of a dataset, in parallel, taking those of
 * unchanged files from an {@link ImageHashCache}. A missing or undecodable image gets no signature
 * and is counted.
 */
public final class PhotoHasher {

    /**
     * What was hashed.
     *
     * @param signatures by image id
     * @param hashed     images decoded and hashed in this run
     * @param cached     images whose signature came from the cache
     * @param unreadable images missing or undecodable
     */
    public record Signatures(Map<Long, PhotoSignature> signatures, long hashed, long cached, long unreadable) {
    }

    private PhotoHasher() {
    }

    /**
     * The signatures of the images {@code imageIds} of the dataset.
     *
     * @param threads  worker threads, at least 1
     * @param progress told after each image
     * @throws InterruptedException when interrupted
     * @throws UncheckedIOException when a file's attributes cannot be read for another reason than its absence
     */
    public static Signatures hash(DatasetLayout layout, List<Long> imageIds, ImageHashCache cache, int threads,
                                  Runnable progress) throws InterruptedException {
        Map<Long, PhotoSignature> signatures = new ConcurrentHashMap<>();
        AtomicLong hashed = new AtomicLong();
        AtomicLong cached = new AtomicLong();
        AtomicLong unreadable = new AtomicLong();
        ThreadLocal<JpegDecoder> decoders = ThreadLocal.withInitial(JpegDecoder::new);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> imageIds.parallelStream().forEach(id -> {
                Path file = layout.image(id);
                PhotoSignature signature = signature(file, cache, decoders.get(), hashed, cached);
                if (signature == null) {
                    unreadable.incrementAndGet();
                } else {
                    signatures.put(id, signature);
                }
                progress.run();
            })).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        return new Signatures(signatures, hashed.get(), cached.get(), unreadable.get());
    }

    private static PhotoSignature signature(Path file, ImageHashCache cache, JpegDecoder decoder, AtomicLong hashed,
                                            AtomicLong cached) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        String name = file.getFileName().toString();
        long modified = attributes.lastModifiedTime().toMillis();
        PhotoSignature known = cache.get(name, attributes.size(), modified);
        if (known != null) {
            cached.incrementAndGet();
            return known;
        }
        try {
            PhotoSignature signature = PhotoSignature.of(RgbImage.of(decoder.decode(ImageFile.read(file))));
            cache.put(name, attributes.size(), modified, signature);
            hashed.incrementAndGet();
            return signature;
        } catch (ImageDecodeException e) {
            return null;
        }
    }
}
