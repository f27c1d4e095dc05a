package org.glamibench.download;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;
import org.glamibench.files.Sha256;

/**
 * An expected digest of a file.
 *
 * @param algorithm the digest algorithm
 * @param hex       the expected digest, lower-case hexadecimal
 */
public record Checksum(Algorithm algorithm, String hex) {

    /** The digests a download can be checked with. */
    public enum Algorithm {
        SHA256("sha256", 32),
        MD5("md5", 16);

        private final String label;
        private final int bytes;

        Algorithm(String label, int bytes) {
            this.label = label;
            this.bytes = bytes;
        }

        /** Short lower-case name as in tools and on the command line: {@code sha256}, {@code md5}. */
        public String label() {
            return label;
        }

        /** A fresh digest of this algorithm. */
        public MessageDigest newDigest() {
            return switch (this) {
                case SHA256 -> Sha256.newDigest();
                case MD5 -> newMd5();
            };
        }

        private static MessageDigest newMd5() {
            try {
                return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has MD5", e);
            }
        }
    }

    /**
     * @throws IllegalArgumentException when {@code hex} is not a digest of the algorithm's length in
     *                                  hexadecimal digits
     */
    public Checksum {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        hex = hex.strip().toLowerCase(Locale.ROOT);
        if (hex.length() != 2 * algorithm.bytes || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(algorithm.label + " checksums are " + 2 * algorithm.bytes
                    + " hexadecimal digits, not '" + hex + "'");
        }
    }

    /** An expected SHA-256. */
    public static Checksum sha256(String hex) {
        return new Checksum(Algorithm.SHA256, hex);
    }

    /** An expected MD5. */
    public static Checksum md5(String hex) {
        return new Checksum(Algorithm.MD5, hex);
    }

    @Override
    public String toString() {
        return algorithm.label + " " + hex;
    }
}
