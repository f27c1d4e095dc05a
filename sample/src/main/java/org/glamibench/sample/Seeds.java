package org.glamibench.sample;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.glamibench.stats.SeedMix;

/**
 * Independent random streams derived from the user's seed, so that every row and every image has
 * its own generator and the output does not depend on the order or the thread in which they are
 * made. Uses the SplitMix64 finaliser ({@link SeedMix}), which is fixed, so streams are the same
 * on every JVM.
 */
final class Seeds {

    /** Stream kinds; part of the derivation so that streams of different kinds never coincide. */
    static final long GEO_PLAN = 2;
    static final long SOURCE_PLAN = 3;
    static final long LABEL_NOISE = 4;
    static final long PRODUCT_GROUPS = 5;
    static final long FILE_ORDER = 6;
    static final long ITEM_IDS = 7;
    static final long IMAGE_IDS = 8;
    static final long ROW_TEXT = 9;
    static final long PRODUCT_IMAGE = 10;
    static final long LEXICON = 11;
    static final long DISTINCT_PHOTO = 12;
    static final long PLANTED_TWINS = 13;
    static final long PLANTED_PHOTO = 14;

    private Seeds() {
    }

    /** A generator for the stream named by {@code parts} under {@code seed}. */
    static SplittableRandom random(long seed, long... parts) {
        return new SplittableRandom(derive(seed, parts));
    }

    static long derive(long seed, long... parts) {
        return SeedMix.fold(SeedMix.splitMix64(seed), parts);
    }

    /** A stable 64-bit hash of a string (FNV-1a over UTF-8, then mixed). */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return SeedMix.mix64(h);
    }

    /** Fisher-Yates shuffle in place. */
    static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** Fisher-Yates shuffle in place. */
    static void shuffle(byte[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            byte t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
