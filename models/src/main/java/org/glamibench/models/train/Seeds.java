package org.glamibench.models.train;

import java.util.SplittableRandom;

/** Independent random generators derived from a seed and a path of numbers (epoch, batch ...). */
final class Seeds {
    private Seeds() {
    }

    /** A generator for the seed and the parts: the same arguments give the same stream. */
    static SplittableRandom of(long seed, long... parts) {
        long z = mix(seed ^ 0x6A09E667F3BCC909L);
        for (long part : parts) {
            z = mix(z ^ mix(part + 0x9E3779B97F4A7C15L));
        }
        return new SplittableRandom(z);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
