package org.glamibench.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.glamibench.files.Sha256;

/**
 * The identity of a split: a SHA-256 over its canonical rows, stamped on every result so that
 * results on different test sets are never compared. Two splits share a hash only if they hold
 * the same rows with the same eight field values, whatever their order in the file.
 *
 * <p>Definition (reproducible in a few lines of Python):
 * <ol>
 *   <li>canonical row: the UTF-8 bytes of item_id, image_id, geo, name, description, category,
 *       category_name, label_source joined by TAB and ended by LF, where text fields escape
 *       {@code \} as {@code \\}, TAB as {@code \t}, LF as {@code \n} and CR as {@code \r}; with
 *       images, a ninth field holds the lower-case hex SHA-256 of the image file's bytes;</li>
 *   <li>row digest: SHA-256 of the canonical row;</li>
 *   <li>manifest: SHA-256 of {@code "glami-bench-manifest-v1\n"} (or
 *       {@code "glami-bench-manifest-v1+images\n"}) followed by the 32-byte row digests in
 *       ascending item_id order.</li>
 * </ol>
 *
 * @param sha256         the manifest hash, lower-case hex
 * @param rows           the number of rows hashed
 * @param includesImages whether image bytes are part of the hash
 */
public record TestManifest(String sha256, int rows, boolean includesImages) {

    /** Builds a manifest from rows in any order. Not thread-safe. */
    public static final class Builder {
        private final boolean includesImages;
        private long[] itemIds = new long[1024];
        private byte[] digests = new byte[1024 * 32];
        private int rows;
        private final MessageDigest rowDigest = Sha256.newDigest();

        /**
         * @param includesImages whether every row will come with its image's SHA-256
         */
        public Builder(boolean includesImages) {
            this.includesImages = includesImages;
        }

        /**
         * Adds a row without image.
         *
         * @throws IllegalStateException when this builder includes images
         */
        public void add(GlamiRow row) {
            if (includesImages) {
                throw new IllegalStateException("this manifest includes images: add the image's sha256");
            }
            append(row.itemId(), rowDigest.digest(canonical(row, null)));
        }

        /**
         * Adds a row with the hex SHA-256 of its image file's bytes.
         *
         * @throws IllegalStateException when this builder excludes images
         */
        public void add(GlamiRow row, String imageSha256) {
            if (!includesImages) {
                throw new IllegalStateException("this manifest excludes images");
            }
            append(row.itemId(), rowDigest.digest(canonical(row, imageSha256)));
        }

        /** The manifest of the rows added so far. */
        public TestManifest build() {
            Integer[] order = new Integer[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(itemIds[a], itemIds[b]));
            MessageDigest digest = Sha256.newDigest();
            digest.update((includesImages ? "glami-bench-manifest-v1+images\n" : "glami-bench-manifest-v1\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (int i : order) {
                digest.update(digests, i * 32, 32);
            }
            return new TestManifest(Sha256.hex(digest.digest()), rows, includesImages);
        }

        private void append(long itemId, byte[] digest) {
            if (rows == itemIds.length) {
                itemIds = Arrays.copyOf(itemIds, rows * 2);
                digests = Arrays.copyOf(digests, rows * 2 * 32);
            }
            itemIds[rows] = itemId;
            System.arraycopy(digest, 0, digests, rows * 32, 32);
            rows++;
        }
    }

    /** The canonical bytes of a row (see the class javadoc); {@code imageSha256} may be null. */
    static byte[] canonical(GlamiRow row, String imageSha256) {
        StringBuilder line = new StringBuilder(256);
        line.append(row.itemId()).append('\t').append(row.imageId()).append('\t').append(row.geo().code()).append('\t');
        escape(row.name(), line).append('\t');
        escape(row.description(), line).append('\t');
        line.append(row.category()).append('\t');
        escape(row.categoryName(), line).append('\t');
        escape(row.labelSource(), line);
        if (imageSha256 != null) {
            line.append('\t').append(imageSha256);
        }
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }
}
