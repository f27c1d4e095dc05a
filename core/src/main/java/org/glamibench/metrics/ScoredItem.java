package org.glamibench.metrics;

import java.util.Arrays;
import java.util.Objects;
import org.glamibench.dataset.Geo;
import org.glamibench.store.ItemStatus;

/**
 * One stored prediction as the metrics read it. The arrays are held, not copied: do not change
 * them after handing the item over. Equality compares the arrays' contents.
 *
 * @param trueClass     the true class index, {@code 0..K-1}
 * @param geo           the item's language
 * @param status        whether the model produced scores for the item
 * @param topClasses    for an {@link ItemStatus#OK} item the {@code min(5, K)} best class indices,
 *                      best first; {@code null} for a failed item
 * @param probabilities the full probability vector ({@code K} values after softmax) when the run
 *                      stores full scores, else {@code null}; always {@code null} for a failed item
 */
public record ScoredItem(int trueClass, Geo geo, ItemStatus status, int[] topClasses, float[] probabilities) {

    /**
     * @throws NullPointerException when {@code geo} or {@code status} is null
     */
    public ScoredItem {
        Objects.requireNonNull(geo, "geo");
        Objects.requireNonNull(status, "status");
    }

    /** An item the model scored, stored without its full probability vector. */
    public static ScoredItem ok(int trueClass, Geo geo, int[] topClasses) {
        return new ScoredItem(trueClass, geo, ItemStatus.OK, topClasses, null);
    }

    /** An item the model scored, with its full probability vector. */
    public static ScoredItem ok(int trueClass, Geo geo, int[] topClasses, float[] probabilities) {
        return new ScoredItem(trueClass, geo, ItemStatus.OK, topClasses, probabilities);
    }

    /**
     * An item that failed with the given status: no predictions.
     *
     * @throws IllegalArgumentException when {@code status} is {@link ItemStatus#OK}
     */
    public static ScoredItem failed(int trueClass, Geo geo, ItemStatus status) {
        if (status == ItemStatus.OK) {
            throw new IllegalArgumentException("a failed item needs a failure status, not OK");
        }
        return new ScoredItem(trueClass, geo, status, null, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScoredItem item
                && trueClass == item.trueClass
                && geo == item.geo
                && status == item.status
                && Arrays.equals(topClasses, item.topClasses)
                && Arrays.equals(probabilities, item.probabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trueClass, geo, status, Arrays.hashCode(topClasses), Arrays.hashCode(probabilities));
    }

    @Override
    public String toString() {
        return "ScoredItem[trueClass=" + trueClass + ", geo=" + geo + ", status=" + status
                + ", topClasses=" + Arrays.toString(topClasses)
                + ", probabilities=" + (probabilities == null ? "null" : probabilities.length + " values") + "]";
    }
}
