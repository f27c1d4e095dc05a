package org.glamibench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelSourcesTest {
    @Test
    void thePublishedValuesInTheirFixedOrderAndThoseSetByPeople() {
        assertThat(LabelSources.PUBLISHED).containsExactly("admin", "custom-tag", "quality-check", "combined-tag", "");
        assertThat(LabelSources.HUMAN).containsExactlyInAnyOrder("admin", "custom-tag", "quality-check");
    }

    @Test
    void aPublishedValueIsSharedAndAnyOtherIsCopied() {
        char[] cell = "xquality-checky".toCharArray();

        assertThat(LabelSources.intern(cell, 1, 13)).isSameAs(LabelSources.QUALITY_CHECK);
        assertThat(LabelSources.intern(cell, 0, 0)).isSameAs(LabelSources.EMPTY);
        assertThat(LabelSources.intern(cell, 1, 7)).isEqualTo("quality");
    }
}
