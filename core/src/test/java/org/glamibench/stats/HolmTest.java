package org.glamibench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HolmTest {
    @Test
    void stepsDownAndKeepsInputOrder() {
        // Sorted: 0.01 (x4) = 0.04, 0.02 (x3) = 0.06, 0.03 (x2) = 0.06 after the running max, 0.5 (x1) = 0.5.
        double[] adjusted = Holm.adjust(new double[] {0.03, 0.5, 0.01, 0.02});

        assertThat(adjusted[0]).isCloseTo(0.06, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(adjusted[1]).isEqualTo(0.5);
        assertThat(adjusted[2]).isCloseTo(0.04, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(adjusted[3]).isCloseTo(0.06, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void capsAtOneAndIgnoresNaN() {
        double[] adjusted = Holm.adjust(new double[] {0.4, Double.NaN, 0.9});

        assertThat(adjusted[0]).isEqualTo(0.8);
        assertThat(adjusted[1]).isNaN();
        assertThat(adjusted[2]).isEqualTo(0.9);
    }
}
