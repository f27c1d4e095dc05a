package org.glamibench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScoresTest {

    @Test
    void softmaxOfEqualLogitsIsUniform() {
        assertThat(Scores.softmax(new float[] {3f, 3f, 3f, 3f})).containsExactly(0.25f, 0.25f, 0.25f, 0.25f);
    }

    @Test
    void softmaxMatchesTheFormula() {
        // e^0, e^1, e^2 over their sum 1 + e + e^2 = 11.107337927389695, rounded to float
        assertThat(Scores.softmax(new float[] {1f, 2f, 3f}))
                .containsExactly(new float[] {0.09003057f, 0.24472848f, 0.66524094f}, within(1e-8f));
    }

    @Test
    void softmaxIsStableForLargeLogits() {
        // exp(1000) overflows; subtracting the largest logit first keeps it finite.
        assertThat(Scores.softmax(new float[] {1000f, 1000f})).containsExactly(0.5f, 0.5f);
        assertThat(Scores.softmax(new float[] {-1000f, 0f})).containsExactly(0f, 1f);
    }

    @Test
    void minusInfinityLogitHasProbabilityZero() {
        assertThat(Scores.softmax(new float[] {Float.NEGATIVE_INFINITY, 0f, 0f})).containsExactly(0f, 0.5f, 0.5f);
    }

    @Test
    void softmaxRejectsUnusableLogits() {
        assertThatThrownBy(() -> Scores.softmax(new float[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scores.softmax(new float[] {0f, Float.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("logit 1 is NaN");
        assertThatThrownBy(() -> Scores.softmax(new float[] {Float.POSITIVE_INFINITY, 0f}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("logit 0 is Infinity");
        assertThatThrownBy(() -> Scores.softmax(new float[] {Float.NEGATIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("all 1 logits are -Infinity");
    }

    @Test
    void topKIsBestFirst() {
        assertThat(Scores.topK(new float[] {0.1f, 0.4f, 0.2f, 0.3f}, 3)).containsExactly(1, 3, 2);
    }

    @Test
    void tiesGoToTheLowerClassIndex() {
        assertThat(Scores.topK(new float[] {0.1f, 0.3f, 0.3f, 0.3f}, 2)).containsExactly(1, 2);
        assertThat(Scores.topK(new float[] {0.2f, 0.2f, 0.2f, 0.2f, 0.2f, 0.2f}, 5)).containsExactly(0, 1, 2, 3, 4);
        assertThat(Scores.topK(new float[] {0.5f, 0.1f, 0.1f, 0.1f, 0.2f, 0.1f, 0.1f}, 5)).containsExactly(0, 4, 1, 2, 3);
        assertThat(Scores.topK(new float[] {0f, -0f}, 1)).containsExactly(0);
        assertThat(Scores.topK(new float[] {-0f, 0f}, 1)).containsExactly(0);
    }

    @Test
    void topKOfFewerScoresThanKReturnsThemAll() {
        assertThat(Scores.topK(new float[] {0.2f, 0.8f}, 5)).containsExactly(1, 0);
        assertThat(Scores.topK(new float[0], 5)).isEmpty();
    }

    @Test
    void topKAgreesWithAStableSortOnManyTies() {
        Random random = new Random(42);
        for (int trial = 0; trial < 2_000; trial++) {
            float[] scores = new float[1 + random.nextInt(30)];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = random.nextInt(6) / 4f - 0.5f;
            }
            int k = 1 + random.nextInt(8);
            int[] expected = IntStream.range(0, scores.length).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertThat(Scores.topK(scores, k)).as("trial %d", trial).containsExactly(expected);
        }
    }

    @Test
    void topKRejectsNaNAndNonPositiveK() {
        assertThatThrownBy(() -> Scores.topK(new float[] {0f, Float.NaN}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("score 1 is NaN");
        assertThatThrownBy(() -> Scores.topK(new float[] {0f}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("k must be at least 1, got 0");
    }
}
