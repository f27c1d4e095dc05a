package org.glamibench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void printsFourSignificantDigitsWithoutExponent() {
        assertThat(Numbers.significant(1234.5678)).isEqualTo("1235");
        assertThat(Numbers.significant(0.00278528)).isEqualTo("0.002785");
        assertThat(Numbers.significant(24_614_000.0)).isEqualTo("24610000");
        assertThat(Numbers.significant(10.0)).isEqualTo("10");
        assertThat(Numbers.significant(0.5)).isEqualTo("0.5");
    }

    @Test
    void printsNotAvailableForWhatIsNotANumber() {
        assertThat(Numbers.significant(null)).isEqualTo("n/a");
        assertThat(Numbers.significant(Double.NaN)).isEqualTo("n/a");
        assertThat(Numbers.significant(Double.POSITIVE_INFINITY)).isEqualTo("n/a");
    }
}
