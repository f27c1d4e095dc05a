package org.glamibench.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.glamibench.dataset.LabelSources;
import org.glamibench.dataset.Split;
import org.junit.jupiter.api.Test;

class SampleLabelSourceTest {
    @Test
    void dealsEveryPublishedValueInItsOwnOrderWithThePublishedShares() {
        assertThat(Arrays.stream(LabelSource.values()).map(LabelSource::value))
                .containsExactly("custom-tag", "admin", "", "combined-tag", "quality-check")
                .containsExactlyInAnyOrderElementsOf(LabelSources.PUBLISHED);
        assertThat(LabelSource.weights(Split.TRAIN)).containsExactly(40.8, 34.3, 24.4, 0.5, 0.1);
        assertThat(LabelSource.weights(Split.TEST)).containsExactly(54.3, 45.7, 0, 0, 0.1);
    }

    @Test
    void theRuleBasedValuesAreThoseNotSetByPeople() {
        assertThat(Arrays.stream(LabelSource.values()).filter(LabelSource::ruleBased))
                .containsExactly(LabelSource.EMPTY, LabelSource.COMBINED_TAG);
    }
}
