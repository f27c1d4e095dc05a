package org.glamibench.adapter;

/** What an adapter's scores are. */
public enum OutputKind {
    /** Scores in [0, 1] summing to 1 per item (within 1e-3). */
    PROBABILITIES,
    /** Unnormalised log-scores; the harness applies softmax. */
    LOGITS
}
