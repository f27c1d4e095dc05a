package org.glamibench.models.input;

import java.util.List;
import org.glamibench.dataset.LabelSources;

/**
 * The {@code label_source} column as a one-hot position, the published EmbraceNet's third input.
 * The positions follow {@link #VALUES}; any other value (there are none in the published data)
 * is all zeros.
 */
public final class LabelSourceCode {
    /**
     * The published values, in one-hot order: {@link LabelSources#PUBLISHED}, whose order is fixed;
     * {@code ""} is an empty cell.
     */
    public static final List<String> VALUES = LabelSources.PUBLISHED;

    private LabelSourceCode() {
    }

    /** The one-hot position of a value, or -1 for an unknown value. */
    public static int position(String labelSource) {
        return VALUES.indexOf(labelSource);
    }

    /** The one-hot vector of a position ({@code -1}: all zeros). */
    public static float[] oneHot(int position) {
        float[] vector = new float[VALUES.size()];
        if (position >= 0) {
            vector[position] = 1f;
        }
        return vector;
    }
}
