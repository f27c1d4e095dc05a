package org.glamibench.metrics;

import java.util.List;

/**
 * Calibration of the items stored with full probabilities (failed items and items stored with
 * their top classes only are not in it). All values are NaN when {@code n == 0}.
 *
 * @param n     items with probabilities
 * @param nll   mean negative log-likelihood (natural log) of the true class, its probability
 *              clipped to {@code [1e-15, 1 - 1e-15]}; the stored probabilities are used as they
 *              are, not renormalised
 * @param brier multiclass Brier score: mean over items of {@code sum_c (p_c - [c == true])^2},
 *              in {@code [0, 2]}
 * @param ece   expected calibration error over the bins: {@code sum_b n_b / n * |accuracy_b -
 *              meanConfidence_b|}
 * @param bins  the equal-width confidence bins, lowest first
 */
public record Calibration(long n, double nll, double brier, double ece, List<ReliabilityBin> bins) {

    public Calibration {
        bins = List.copyOf(bins);
    }
}
