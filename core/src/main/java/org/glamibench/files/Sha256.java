package org.glamibench.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers: a fresh digest and lower-case hex. */
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
}
