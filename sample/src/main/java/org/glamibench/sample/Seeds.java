package org.glamibench.sample;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent random streams derived from the user's seed, so that every row and every image has
 * its own generator and the output does not depend on the order or the thread in which they are
 * made. Uses the SplitMix64 finaliser, which is fixed, so streams are the same on every JVM.
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

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private Seeds() {
    }

    /** A generator for the stream named by {@code parts} under {@code seed}. */
    static SplittableRandom random(long seed, long... parts) {
        return new SplittableRandom(derive(seed, parts));
    }

    static long derive(long seed, long... parts) {
        long h = mix(seed + GOLDEN_GAMMA);
        for (long part : parts) {
            h = mix(h ^ mix(part + GOLDEN_GAMMA));
        }
        return h;
    }

    /** A stable 64-bit hash of a string (FNV-1a over UTF-8, then mixed). */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
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
