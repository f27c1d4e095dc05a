package org.glamibench.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Expected counts computed by hand and with an independent Python implementation. */
class SampleApportionmentTest {

    @Test
    void givesTheMinimumFirstThenSharesByLargestRemainder() {
        assertThat(Apportionment.counts(10, new double[] {3, 1, 0, 1}, 2)).containsExactly(4, 3, 0, 3);
        assertThat(Apportionment.counts(200, new double[] {11755, 19252, 2434, 3533, 6332, 8024, 8117, 3405,
            17906, 4181, 10792, 8911, 11362}, 1)).containsExactly(20, 32, 5, 7, 11, 14, 14, 7, 30, 8, 18, 15, 19);
        assertThat(Apportionment.counts(20_000, new double[] {40.8, 34.3, 24.4, 0.5, 0.1}, 0))
                .containsExactly(8152, 6853, 4875, 100, 20);
        assertThat(Apportionment.counts(5_000, new double[] {54.3, 45.7, 0, 0, 0.1}, 0))
                .containsExactly(2712, 2283, 0, 0, 5);
    }

    @Test
    void lowersTheMinimumWhenRowsAreTooFew() {
        assertThat(Apportionment.counts(7, new double[] {1, 1, 1}, 5)).containsExactly(3, 2, 2);
        assertThat(Apportionment.counts(3, new double[] {5, 1, 1, 1}, 1)).containsExactly(2, 1, 0, 0);
        assertThat(Apportionment.counts(0, new double[] {1, 2}, 1)).containsExactly(0, 0);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Apportionment.counts(-1, new double[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Apportionment.counts(1, new double[] {0, 0}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Apportionment.counts(1, new double[] {Double.NaN}, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
