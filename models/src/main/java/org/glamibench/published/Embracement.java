package org.glamibench.published;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How EmbraceNet combines the docked modalities into its 512 features. */
public enum Embracement {
    /** Each feature is the docked value of one modality, drawn per item and feature (the original). */
    SAMPLED("sampled"),
    /** Each feature is the mean of the docked values of the three modalities (the draw's expectation). */
    EXPECTED("expected");

    private final String label;

    Embracement(String label) {
        this.label = label;
    }

    /** The name used on command lines and in result files. */
    public String label() {
        return label;
    }

    /**
     * The embracement with this label.
     *
     * @throws IllegalArgumentException when no embracement has it; the message lists the labels
     */
    public static Embracement ofLabel(String label) {
        for (Embracement embracement : values()) {
            if (embracement.label.equals(label)) {
                return embracement;
            }
        }
        throw new IllegalArgumentException("unknown embracement '" + label + "'; known: "
                + Arrays.stream(values()).map(Embracement::label).collect(Collectors.joining(", ")));
    }
}
