package org.glamibench.leakage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The multi-index search against a comparison with every hash, and the text keys. */
class HammingIndexTest {

    @Test
    void findsExactlyTheHashesWithinTheDistance() {
        SplittableRandom random = new SplittableRandom(11);
        long[] hashes = new long[5000];
        for (int i = 0; i < hashes.length; i++) {
            // Half random, half near copies of earlier hashes, so that every distance occurs.
            hashes[i] = i < 2500 ? random.nextLong() : flip(hashes[random.nextInt(2500)], random.nextInt(20), random);
        }
        HammingIndex index = new HammingIndex(hashes);
        boolean[] seen = new boolean[hashes.length];
        for (int q = 0; q < 200; q++) {
            long query = flip(hashes[random.nextInt(hashes.length)], random.nextInt(12), random);
            for (int radius : new int[] {0, 3, 8, 10, 14}) {
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < hashes.length; i++) {
                    if (Long.bitCount(hashes[i] ^ query) <= radius) {
                        expected.add(i);
                    }
                }
                List<Integer> found = new ArrayList<>();
                index.search(query, radius, seen, found::add);
                assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
        assertThat(seen).doesNotContain(true);
    }

    @Test
    void normalisesTextsByNfkcCaseAndWhiteSpace() {
        assertThat(TextKeys.normalise("  Ｍen's\u00a0 T-SHIRT\n\tﬁt ")).isEqualTo("men's t-shirt fit");
        assertThat(TextKeys.nameAndDescription("Kabát", "Zimní  bunda")).isEqualTo(TextKeys.nameAndDescription("KABÁT ", "zimní bunda"));
        assertThat(TextKeys.nameAndDescription("a b", "")).isNotEqualTo(TextKeys.nameAndDescription("a", "b"));
    }

    private static long flip(long hash, int bits, SplittableRandom random) {
        long result = hash;
        for (int k = 0; k < bits; k++) {
            result ^= 1L << random.nextInt(64);
        }
        return result;
    }
}
