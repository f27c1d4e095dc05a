package org.glamibench.metrics;

/**
 * Precision, recall and F1 of one class, from its counts. As scikit-learn with
 * {@code zero_division=0}: a ratio with a zero denominator is 0.
 *
 * @param classIndex     the class
 * @param support        items whose true class it is, failed items included
 * @param predicted      scored items whose best class it is
 * @param truePositives  scored items whose true and best class it is
 */
public record ClassMetrics(int classIndex, long support, long predicted, long truePositives) {

    /** {@code truePositives / predicted}, 0 when nothing was predicted as this class. */
    public double precision() {
        return predicted == 0 ? 0.0 : (double) truePositives / predicted;
    }

    /** {@code truePositives / support}, 0 when the class has no support. */
    public double recall() {
        return support == 0 ? 0.0 : (double) truePositives / support;
    }

    /** The harmonic mean {@code 2 * precision * recall / (precision + recall)}, 0 when both are 0. */
    public double f1() {
        double precision = precision();
        double recall = recall();
        double denominator = precision + recall;
        return denominator == 0 ? 0.0 : 2 * precision * recall / denominator;
    }
}
