package org.glamibench.stats;

/**
 * Derives independent seeds for {@link java.util.SplittableRandom}: two SplittableRandoms whose
 * seeds differ by a multiple of its increment (the golden gamma) produce shifted copies of one
 * stream, so derived seeds must never be {@code seed + i} times a constant; they are a strong
 * 64-bit mix of both values instead.
 */
public final class SeedMix {
    private SeedMix() {
    }

    /** A seed for stream {@code index} of {@code seed} (the splitmix64 finaliser of a combination). */
    public static long of(long seed, long index) {
        long z = seed * 0xBF58476D1CE4E5B9L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
