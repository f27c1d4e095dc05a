package org.glamibench.models.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.glamibench.models.train.TrainingData;
import org.junit.jupiter.api.Test;

class LabelSourceCodeTest {
    @Test
    void theOneHotPositionsKeepTheirOrder() {
        assertThat(LabelSourceCode.VALUES).containsExactly("admin", "custom-tag", "quality-check", "combined-tag", "");
        assertThat(LabelSourceCode.position("quality-check")).isEqualTo(2);
        assertThat(LabelSourceCode.position("")).isEqualTo(4);
        assertThat(LabelSourceCode.position("unknown")).isEqualTo(-1);
        assertThat(LabelSourceCode.oneHot(1)).containsExactly(0f, 1f, 0f, 0f, 0f);
    }

    @Test
    void humanLabelsOnlyKeepsTheSourcesSetByPeople() {
        assertThat(TrainingData.HUMAN_LABEL_SOURCES).containsExactlyInAnyOrder("admin", "custom-tag", "quality-check");
    }
}
