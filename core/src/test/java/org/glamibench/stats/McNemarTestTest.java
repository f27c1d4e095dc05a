package org.glamibench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class McNemarTestTest {
    /** Expected p-values from scipy.stats.binomtest (make_stats_fixtures.py). */
    @Test
    void equalsScipyExactBinomialTests() throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/stats/mcnemar.json")) {
            cases = new ObjectMapper().readTree(in).get("cases");
        }
        assertThat(cases.size()).isEqualTo(13);
        for (JsonNode c : cases) {
            long b = c.get("b").asLong();
            long d = c.get("c").asLong();
            double twoSided = c.get("two_sided").asDouble();
            double aWorse = c.get("a_worse").asDouble();
            assertThat(McNemarTest.twoSided(b, d)).as("two-sided b=%d c=%d", b, d)
                    .isCloseTo(twoSided, within(Math.max(1e-12, twoSided * 1e-9)));
            assertThat(McNemarTest.aWorse(b, d)).as("one-sided b=%d c=%d", b, d)
                    .isCloseTo(aWorse, within(Math.max(1e-12, aWorse * 1e-9)));
        }
    }

    @Test
    void handComputedSmallCase() {
        // b=0, c=3: P(X <= 0) = 1/8 for X ~ Binomial(3, 1/2); two-sided doubles it.
        assertThat(McNemarTest.aWorse(0, 3)).isCloseTo(0.125, within(1e-15));
        assertThat(McNemarTest.twoSided(0, 3)).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(() -> McNemarTest.twoSided(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
