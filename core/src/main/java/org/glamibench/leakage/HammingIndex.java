package org.glamibench.leakage;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Finds the 64-bit hashes within a Hamming distance of a query without comparing it with all of
 * them: multi-index hashing over {@value #BANDS} bands of {@value #BAND_BITS} bits. Two hashes
 * within distance r agree within {@code r / 4} (rounded down) bits in at least one band, so the
 * search visits, in each band, the buckets of every band value within that many bits of the query's,
 * and checks each hash found there by its full distance. Results are exact; a hash found in several
 * bands is reported once.
 *
 * <p>Memory: per band a table of 65,537 offsets and one int per hash (about 16 bytes per hash in
 * all, with the hashes). Immutable once built; searches are thread-safe.
 */
public final class HammingIndex {
    static final int BANDS = 4;
    static final int BAND_BITS = 16;
    private static final int BUCKETS = 1 << BAND_BITS;

    private final long[] hashes;
    /** Per band: start of each bucket in {@link #members}, BUCKETS + 1 entries. */
    private final int[][] starts;
    /** Per band: the hash indices, grouped by band value. */
    private final int[][] members;

    /** An index of {@code hashes} (held, not copied); a hash's index is its position in the array. */
    public HammingIndex(long[] hashes) {
        this.hashes = hashes;
        this.starts = new int[BANDS][BUCKETS + 1];
        this.members = new int[BANDS][hashes.length];
        for (int b = 0; b < BANDS; b++) {
            int[] start = starts[b];
            for (long hash : hashes) {
                start[band(hash, b) + 1]++;
            }
            for (int v = 0; v < BUCKETS; v++) {
                start[v + 1] += start[v];
            }
            int[] fill = Arrays.copyOf(start, BUCKETS);
            for (int i = 0; i < hashes.length; i++) {
                members[b][fill[band(hashes[i], b)]++] = i;
            }
        }
    }

    /** The number of hashes indexed. */
    public int size() {
        return hashes.length;
    }

    /** The hash at {@code index}. */
    public long hash(int index) {
        return hashes[index];
    }

    /**
     * Calls {@code found} once with the index of every hash within {@code maxDistance} of
     * {@code query}, in no particular order.
     *
     * @param seen a scratch array of {@link #size()} booleans, all false, left all false again
     *             (one per thread)
     * @throws IllegalArgumentException when {@code maxDistance} is not 0..64 or {@code seen} is too short
     */
    public void search(long query, int maxDistance, boolean[] seen, IntConsumer found) {
        if (maxDistance < 0 || maxDistance > 64) {
            throw new IllegalArgumentException("a Hamming distance is 0..64, not " + maxDistance);
        }
        if (seen.length < hashes.length) {
            throw new IllegalArgumentException("the scratch array holds " + seen.length + ", need " + hashes.length);
        }
        Candidates candidates = new Candidates(seen);
        for (int b = 0; b < BANDS; b++) {
            int band = b;
            visit(band(query, b), maxDistance / BANDS, 0, bucket -> {
                for (int k = starts[band][bucket]; k < starts[band][bucket + 1]; k++) {
                    candidates.add(members[band][k]);
                }
            });
        }
        for (int k = 0; k < candidates.count; k++) {
            int i = candidates.indices[k];
            seen[i] = false;
            if (Long.bitCount(hashes[i] ^ query) <= maxDistance) {
                found.accept(i);
            }
        }
    }

    /** Calls {@code bucket} once with every 16-bit value that differs from {@code value} in at most {@code radius} of the bits from {@code from} up. */
    private static void visit(int value, int radius, int from, IntConsumer bucket) {
        bucket.accept(value);
        if (radius == 0) {
            return;
        }
        for (int bit = from; bit < BAND_BITS; bit++) {
            visit(value ^ (1 << bit), radius - 1, bit + 1, bucket);
        }
    }

    /** The distinct hash indices met in the buckets, marked in the scratch array. */
    private static final class Candidates {
        private final boolean[] seen;
        int[] indices = new int[64];
        int count;

        Candidates(boolean[] seen) {
            this.seen = seen;
        }

        void add(int i) {
            if (!seen[i]) {
                seen[i] = true;
                if (count == indices.length) {
                    indices = Arrays.copyOf(indices, 2 * count);
                }
                indices[count++] = i;
            }
        }
    }

    private static int band(long hash, int b) {
        return (int) (hash >>> (BAND_BITS * b)) & (BUCKETS - 1);
    }
}
