package org.glamibench.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers: a fresh digest, lower-case hex, the digest of bytes or of a file. */
public final class Sha256 {
    private Sha256() {
    }

    /** A new SHA-256 digest (every JDK has it). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Lower-case hex of a digest's bytes. */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** SHA-256 of the bytes, in lower-case hex. */
    public static String hexOf(byte[] bytes) {
        return hex(newDigest().digest(bytes));
    }

    /**
     * SHA-256 of a file's content, streamed, in lower-case hex.
     *
     * @throws IOException when the file is missing ({@link java.nio.file.NoSuchFileException}) or
     *                     unreadable
     */
    public static String hexOfFile(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return hex(digest.digest());
    }
}
