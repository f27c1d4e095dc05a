package org.glamibench.store;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.glamibench.dataset.Geo;

/**
 * One row of {@code predictions.csv}: an item, its true category, and the model's best guesses.
 * Categories are category ids (as in the dataset's {@code category} column), never class
 * indices. The arrays are held, not copied: do not change them after handing the row over.
 * Equality compares the arrays' contents. Serializable, for scorers on other machines.
 *
 * @param itemId        the item's {@code item_id}, the row's key
 * @param geo           the item's language
 * @param category      the item's true category id
 * @param topCategories for an {@link ItemStatus#OK} row the best category ids, best first, at
 *                      most {@link #TOP_K} and distinct; empty for a failed row
 * @param topScores     the probability of each of {@code topCategories}, same length, finite and
 *                      non-increasing
 * @param status        whether the model produced scores for the item
 * @param error         {@code ""} for an OK row; for a failed row the message, never blank
 */
public record PredictionRow(long itemId, Geo geo, int category, int[] topCategories, float[] topScores,
                            ItemStatus status, String error) implements Serializable {

    /** The most predictions a row holds (the file's pred_1..pred_5 columns). */
    public static final int TOP_K = 5;

    /**
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the predictions or the error do not fit the status
     *                                  as described for each component
     */
    public PredictionRow {
        Objects.requireNonNull(geo, "geo");
        Objects.requireNonNull(topCategories, "topCategories");
        Objects.requireNonNull(topScores, "topScores");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        if (topCategories.length != topScores.length) {
            throw new IllegalArgumentException("item " + itemId + ": " + topCategories.length + " categories but "
                    + topScores.length + " scores");
        }
        if (status == ItemStatus.OK) {
            checkPredictions(itemId, topCategories, topScores);
            if (!error.isEmpty()) {
                throw new IllegalArgumentException("item " + itemId + ": an ok row has no error message, got '"
                        + error + "'");
            }
        } else {
            if (topCategories.length != 0) {
                throw new IllegalArgumentException("item " + itemId + ": an " + status.label()
                        + " row has no predictions");
            }
            if (error.isBlank()) {
                throw new IllegalArgumentException("item " + itemId + ": an " + status.label()
                        + " row needs an error message");
            }
        }
    }

    /** An item the model scored: its best categories and their probabilities, best first. */
    public static PredictionRow ok(long itemId, Geo geo, int category, int[] topCategories, float[] topScores) {
        return new PredictionRow(itemId, geo, category, topCategories, topScores, ItemStatus.OK, "");
    }

    /**
     * An item that failed, with the message saying why.
     *
     * @throws IllegalArgumentException when {@code status} is {@link ItemStatus#OK} or the message
     *                                  is blank
     */
    public static PredictionRow failed(long itemId, Geo geo, int category, ItemStatus status, String error) {
        if (status == ItemStatus.OK) {
            throw new IllegalArgumentException("item " + itemId + ": a failed row cannot have status ok");
        }
        return new PredictionRow(itemId, geo, category, new int[0], new float[0], status, error);
    }

    private static void checkPredictions(long itemId, int[] categories, float[] scores) {
        if (categories.length == 0 || categories.length > TOP_K) {
            throw new IllegalArgumentException("item " + itemId + ": an ok row has 1 to " + TOP_K
                    + " predictions, got " + categories.length);
        }
        for (int k = 0; k < categories.length; k++) {
            if (!Float.isFinite(scores[k])) {
                throw new IllegalArgumentException("item " + itemId + ": score_" + (k + 1) + " is " + scores[k]);
            }
            if (k > 0 && scores[k] > scores[k - 1]) {
                throw new IllegalArgumentException("item " + itemId + ": scores are not best first: score_" + (k + 1)
                        + " " + scores[k] + " > score_" + k + " " + scores[k - 1]);
            }
            for (int j = 0; j < k; j++) {
                if (categories[j] == categories[k]) {
                    throw new IllegalArgumentException("item " + itemId + ": category " + categories[k]
                            + " is predicted twice");
                }
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PredictionRow row
                && itemId == row.itemId
                && geo == row.geo
                && category == row.category
                && Arrays.equals(topCategories, row.topCategories)
                && Arrays.equals(topScores, row.topScores)
                && status == row.status
                && error.equals(row.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(itemId, geo, category, Arrays.hashCode(topCategories), Arrays.hashCode(topScores),
                status, error);
    }

    @Override
    public String toString() {
        return "PredictionRow[itemId=" + itemId + ", geo=" + geo + ", category=" + category
                + ", topCategories=" + Arrays.toString(topCategories) + ", topScores=" + Arrays.toString(topScores)
                + ", status=" + status.label() + (error.isEmpty() ? "" : ", error=" + error) + "]";
    }
}
