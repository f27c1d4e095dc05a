package org.glamibench.registry;

import org.glamibench.adapter.ModelAdapter;
import org.glamibench.adapter.OutputKind;

/**
 * The output contract of {@link ModelAdapter#predict}, checked at the boundary: one vector per
 * item, each of the class index's length, finite, and for probabilities each in [0, 1] with a sum
 * within {@value #SUM_TOLERANCE} of 1.
 */
public final class ScoreCheck {
    /** How far from 1 a probability vector's sum may be. */
    public static final double SUM_TOLERANCE = 1e-3;

    private ScoreCheck() {
    }

    /**
     * What is wrong with a batch's output as a whole, or null when its shape is right.
     *
     * @param expectedItems the batch size
     */
    public static String batchProblem(float[][] scores, int expectedItems) {
        if (scores == null) {
            return "predict returned null";
        }
        if (scores.length != expectedItems) {
            return "predict returned " + scores.length + " score vectors for " + expectedItems + " items";
        }
        return null;
    }

    /** What is wrong with one item's scores, or null when they keep the contract. */
    public static String itemProblem(float[] scores, int classes, OutputKind output) {
        if (scores == null) {
            return "null score vector";
        }
        if (scores.length != classes) {
            return scores.length + " scores, expected one per class: " + classes;
        }
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            float score = scores[c];
            if (!Float.isFinite(score)) {
                return "score " + c + " is " + score;
            }
            if (output == OutputKind.PROBABILITIES && score < 0) {
                return "probability " + c + " is negative: " + score;
            }
            if (output == OutputKind.PROBABILITIES && score > 1) {
                return "probability " + c + " is above 1: " + score;
            }
            sum += score;
        }
        if (output == OutputKind.PROBABILITIES && Math.abs(sum - 1) > SUM_TOLERANCE) {
            return "probabilities sum to " + sum + ", not 1 (tolerance " + SUM_TOLERANCE + ")";
        }
        return null;
    }
}
