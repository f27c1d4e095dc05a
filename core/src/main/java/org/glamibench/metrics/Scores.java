package org.glamibench.metrics;

/**
 * Score helpers for the evaluator: turning a model's logits into probabilities and picking the
 * best classes, before a prediction is stored.
 */
public final class Scores {

    private Scores() {
    }

    /**
     * The softmax of the logits, computed stably: the largest logit is subtracted before
     * exponentiating, and the exponentials are summed in double precision. A logit of
     * {@code -Infinity} gets probability 0.
     *
     * @return a new array of the same length, each value in {@code [0, 1]}
     * @throws IllegalArgumentException when {@code logits} is empty, holds a NaN or
     *                                  {@code +Infinity}, or holds only {@code -Infinity}
     */
    public static float[] softmax(float[] logits) {
        if (logits.length == 0) {
            throw new IllegalArgumentException("softmax of no logits");
        }
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            float logit = logits[i];
            if (Float.isNaN(logit) || logit == Float.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("logit " + i + " is " + logit);
            }
            max = Math.max(max, logit);
        }
        if (max == Float.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("all " + logits.length + " logits are -Infinity");
        }
        double[] exponentials = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            exponentials[i] = Math.exp((double) logits[i] - max);
            sum += exponentials[i];
        }
        float[] probabilities = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = (float) (exponentials[i] / sum);
        }
        return probabilities;
    }

    /**
     * The indices of the {@code k} highest scores, best first. Ties go to the LOWER class index:
     * of two equal scores the lower index ranks first (as a stable sort of the negated scores,
     * {@code numpy.argsort(-scores, kind="stable")}; scikit-learn's {@code top_k_accuracy_score}
     * ranks ties the other way). Scores compare as float values, so {@code -0.0} ties with
     * {@code 0.0}. Runs in {@code O(length * k)}, meant for small {@code k}.
     *
     * @return {@code min(k, scores.length)} distinct indices
     * @throws IllegalArgumentException when {@code k < 1} or a score is NaN
     */
    public static int[] topK(float[] scores, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        int size = Math.min(k, scores.length);
        int[] best = new int[size];
        float[] bestScores = new float[size];
        int kept = 0;
        for (int i = 0; i < scores.length; i++) {
            float score = scores[i];
            if (Float.isNaN(score)) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            if (kept == size && !(score > bestScores[size - 1])) {
                continue;
            }
            // Insert after every kept score >= this one: they have lower indices, so they win ties.
            int position = kept == size ? size - 1 : kept;
            while (position > 0 && score > bestScores[position - 1]) {
                best[position] = best[position - 1];
                bestScores[position] = bestScores[position - 1];
                position--;
            }
            best[position] = i;
            bestScores[position] = score;
            if (kept < size) {
                kept++;
            }
        }
        return best;
    }
}
