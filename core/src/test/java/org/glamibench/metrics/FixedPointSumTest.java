package org.glamibench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FixedPointSumTest {

    @Test
    void emptySumIsZero() {
        assertThat(new FixedPointSum().value()).isZero();
    }

    @Test
    void dyadicTermsAddExactly() {
        FixedPointSum sum = new FixedPointSum();
        sum.add(0.5);
        sum.add(0.25);
        sum.add(3.0);
        sum.add(0x1p-70);
        assertThat(sum.value()).isEqualTo(3.75 + 0x1p-70);
    }

    @Test
    void termsBelowTheResolutionAreDropped() {
        FixedPointSum sum = new FixedPointSum();
        sum.add(Double.MIN_VALUE);
        sum.add(0x1p-81);
        assertThat(sum.value()).isZero();
        sum.add(0x1p-80);
        assertThat(sum.value()).isEqualTo(0x1p-80);
    }

    @Test
    void orderAndShardingDoNotChangeTheSum() {
        Random random = new Random(3);
        List<Double> terms = new ArrayList<>();
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < 10_000; i++) {
            double term = -Math.log(random.nextDouble()) * Math.pow(10, random.nextInt(12) - 6);
            terms.add(term);
            exact = exact.add(new BigDecimal(term));
        }
        FixedPointSum forward = new FixedPointSum();
        terms.forEach(forward::add);
        Collections.shuffle(terms, random);
        FixedPointSum[] shards = {new FixedPointSum(), new FixedPointSum(), new FixedPointSum()};
        for (int i = 0; i < terms.size(); i++) {
            shards[i % 3].add(terms.get(i));
        }
        FixedPointSum merged = new FixedPointSum();
        merged.add(shards[1]);
        merged.add(shards[2]);
        merged.add(shards[0]);

        assertThat(Double.doubleToRawLongBits(merged.value())).isEqualTo(Double.doubleToRawLongBits(forward.value()));
        assertThat(forward.value()).isEqualTo(exact.round(MathContext.DECIMAL64).doubleValue(),
                within(Math.ulp(forward.value())));
    }

    @Test
    void rejectsNegativeNonFiniteAndHugeTerms() {
        FixedPointSum sum = new FixedPointSum();
        assertThatThrownBy(() -> sum.add(-1e-300)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sum.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sum.add(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sum.add(0x1p47)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowIsAnError() {
        FixedPointSum sum = new FixedPointSum();
        sum.add(Math.nextDown(0x1p47));
        assertThatThrownBy(() -> sum.add(Math.nextDown(0x1p47))).isInstanceOf(ArithmeticException.class);
        assertThat(sum.value()).isEqualTo(Math.nextDown(0x1p47));
    }
}
