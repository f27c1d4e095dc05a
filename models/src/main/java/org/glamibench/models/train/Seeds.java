package org.glamibench.models.train;

import java.util.SplittableRandom;
import org.glamibench.stats.SeedMix;

/** Independent random generators derived from a seed and a path of numbers (epoch, batch ...). */
final class Seeds {
    /** Set apart the trainer's streams from those of other users of {@link SeedMix}. */
    private static final long SALT = 0x6A09E667F3BCC909L;

    private Seeds() {
    }

    /** A generator for the seed and the parts: the same arguments give the same stream. */
    static SplittableRandom of(long seed, long... parts) {
        return new SplittableRandom(SeedMix.fold(SeedMix.mix64(seed ^ SALT), parts));
    }
}
