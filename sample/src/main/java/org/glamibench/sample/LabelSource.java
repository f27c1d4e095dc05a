package org.glamibench.sample;

import org.glamibench.dataset.LabelSources;
import org.glamibench.dataset.Split;

/**
 * The {@code label_source} values ({@link LabelSources#PUBLISHED}) and their published shares per
 * split (percent), in the order the sample deals them.
 */
enum LabelSource {
    CUSTOM_TAG(LabelSources.CUSTOM_TAG, 40.8, 54.3),
    ADMIN(LabelSources.ADMIN, 34.3, 45.7),
    EMPTY(LabelSources.EMPTY, 24.4, 0),
    COMBINED_TAG(LabelSources.COMBINED_TAG, 0.5, 0),
    QUALITY_CHECK(LabelSources.QUALITY_CHECK, 0.1, 0.1);

    private final String value;
    private final double trainPercent;
    private final double testPercent;

    LabelSource(String value, double trainPercent, double testPercent) {
        this.value = value;
        this.trainPercent = trainPercent;
        this.testPercent = testPercent;
    }

    /** The cell as written in the CSV; empty for {@link #EMPTY}. */
    String value() {
        return value;
    }

    /** Whether the label came from rules rather than from a person (empty and combined-tag). */
    boolean ruleBased() {
        return !LabelSources.HUMAN.contains(value);
    }

    static double[] weights(Split split) {
        LabelSource[] values = values();
        double[] weights = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            weights[i] = split == Split.TRAIN ? values[i].trainPercent : values[i].testPercent;
        }
        return weights;
    }
}
