package org.glamibench.mt5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Mt5RelativePositionBiasTest {
    /** mT5's 32 buckets up to distance 128; one head whose bias is the bucket number. */
    private final RelativePositionBias mt5 = new RelativePositionBias(buckets(32), 32, 1, 128);

    @Test
    void keysBeforeTheQueryUseTheFirstHalfExactUpTo7ThenLogSpaced() {
        // bucket 8 + floor(8 * log(d / 8) / log(16)) for d >= 8, at most 15 (values from torch 1.13)
        int[] distances = {0, 1, 7, 8, 11, 12, 16, 23, 32, 45, 46, 64, 90, 91, 127, 128, 1000};
        int[] expected = {0, 1, 7, 8, 8, 9, 10, 11, 12, 12, 13, 14, 14, 15, 15, 15, 15};
        for (int i = 0; i < distances.length; i++) {
            assertThat(mt5.bucket(-distances[i])).as("distance -%d", distances[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void keysAfterTheQueryUseTheSecondHalf() {
        int[] distances = {1, 7, 8, 11, 12, 16, 23, 32, 45, 46, 64, 90, 91, 127, 128, 1000};
        int[] expected = {17, 23, 24, 24, 25, 26, 27, 28, 28, 29, 30, 30, 31, 31, 31, 31};
        for (int i = 0; i < distances.length; i++) {
            assertThat(mt5.bucket(distances[i])).as("distance %d", distances[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void biasIsHeadsByQueryByKey() {
        float[] table = new float[32 * 2];
        for (int bucket = 0; bucket < 32; bucket++) {
            table[bucket * 2] = bucket;
            table[bucket * 2 + 1] = -bucket;
        }
        float[] bias = new RelativePositionBias(table, 32, 2, 128).forLength(3);

        // query rows 0..2, key columns 0..2: buckets of key - query
        assertThat(bias).containsExactly(0, 17, 18, 1, 0, 17, 2, 1, 0, 0, -17, -18, -1, 0, -17, -2, -1, 0);
    }

    @Test
    void refusesATableOfAnotherSize() {
        assertThatThrownBy(() -> new RelativePositionBias(new float[31], 32, 1, 128))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("relative attention bias has 31 values, expected 32 x 1");
    }

    private static float[] buckets(int count) {
        float[] table = new float[count];
        for (int i = 0; i < count; i++) {
            table[i] = i;
        }
        return table;
    }
}
