package org.glamibench.eval;

import java.io.Serializable;
import org.glamibench.store.PredictionRow;

/**
 * One scored item as it goes into the prediction store, wherever it was scored: its row (status,
 * top-5 classes and scores, or the failure) and, when the run saves scores, its full probability
 * vector. Serializable, so that a scorer on other machines can send it back.
 *
 * @param row    the item's row
 * @param scores its probabilities over the class index when the run saves scores and the item was
 *               scored; null otherwise
 */
public record ScoredOutcome(PredictionRow row, float[] scores) implements Serializable {
}
