package org.glamibench.stats;

/**
 * Derives independent seeds for {@link java.util.SplittableRandom}: two SplittableRandoms whose
 * seeds differ by a multiple of its increment (the golden gamma) produce shifted copies of one
 * stream, so derived seeds must never be {@code seed + i} times a constant; they are a strong
 * 64-bit mix of both values instead. Every seed derivation of the harness, the sample generator
 * and the trainer is one of the methods here; each is fixed, since recorded results depend on the
 * numbers it gives.
 */
public final class SeedMix {
    /** SplitMix64's increment: the odd 64-bit integer nearest 2^64 divided by the golden ratio. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SeedMix() {
    }

    /** A seed for stream {@code index} of {@code seed} (the splitmix64 finaliser of a combination). */
    public static long of(long seed, long index) {
        return mix64(seed * 0xBF58476D1CE4E5B9L + index);
    }

    /** SplitMix64's finaliser: a bijective mix of 64 bits in which every input bit moves every output bit. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The first value of a SplitMix64 generator whose state is {@code state}: {@code mix64(state + GOLDEN_GAMMA)}. */
    public static long splitMix64(long state) {
        return mix64(state + GOLDEN_GAMMA);
    }

    /**
     * Folds numbers into an already mixed value, in order: for each part,
     * {@code h = mix64(h ^ splitMix64(part))}. The same start and parts give the same value.
     */
    public static long fold(long start, long... parts) {
        long h = start;
        for (long part : parts) {
            h = mix64(h ^ splitMix64(part));
        }
        return h;
    }

    /**
     * {@code seed * GOLDEN_GAMMA + offset}, not mixed: the seeds of the EmbraceNet adapter's
     * sampled draws, whose recorded results depend on them. With the same offset, seeds {@code s}
     * and {@code s + 1} start SplittableRandom streams one value apart; new derivations use
     * {@link #of} instead.
     */
    public static long goldenScaled(long seed, long offset) {
        return seed * GOLDEN_GAMMA + offset;
    }
}
