package org.glamibench.sample;

import org.glamibench.dataset.Split;

/** The {@code label_source} values and their published shares per split (percent). */
enum LabelSource {
    CUSTOM_TAG("custom-tag", 40.8, 54.3),
    ADMIN("admin", 34.3, 45.7),
    EMPTY("", 24.4, 0),
    COMBINED_TAG("combined-tag", 0.5, 0),
    QUALITY_CHECK("quality-check", 0.1, 0.1);

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
        return this == EMPTY || this == COMBINED_TAG;
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
