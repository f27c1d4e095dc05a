package org.glamibench.leaderboard;

import java.util.ArrayList;
import java.util.List;
import org.glamibench.stats.McNemarTest;

/**
 * Ranks as tiers: models whose top-1 accuracies do not differ significantly share a tier.
 *
 * <p>The rule, for models sorted by top-1 accuracy, best first, all scored on the same items:
 * <ol>
 *   <li>The first model opens tier 1 and leads it.</li>
 *   <li>Each following model is compared with the leader of the current tier by the exact
 *       two-sided McNemar test on their paired top-1 outcomes.</li>
 *   <li>Its p-value is corrected for the {@code m = n - 1} comparisons made: multiplied by
 *       {@code m - s}, where {@code s} is the number of significant comparisons before it
 *       (Holm's step-down multipliers, taken in walking order; capped at 1).</li>
 *   <li>When the corrected p-value is below {@code alpha} (0.05 on the board), the model opens the
 *       next tier and leads it; otherwise it joins the current tier.</li>
 * </ol>
 * Comparing with the tier's leader rather than with the neighbour above keeps a tier from
 * drifting: a chain of small, each insignificant, steps cannot join two models that differ
 * significantly. The correction controls the family-wise error rate over the walk as Holm's does:
 * until a comparison of two equally accurate models is declared significant, at most the
 * {@code m - m0} comparisons of truly different models can have been, so its threshold is at most
 * {@code alpha / m0}. Tiers are numbered from 1; a model in tier {@code k} is significantly less
 * accurate than the leader of tier {@code k - 1}.
 */
public final class Tiers {
    private Tiers() {
    }

    /**
     * Where one model landed.
     *
     * @param tier        its tier, from 1
     * @param comparedTo  the position of the leader it was compared with; -1 for the first model
     * @param leaderOnly  items the leader got right and this model wrong
     * @param modelOnly   items this model got right and the leader wrong
     * @param pValue      exact two-sided McNemar p-value; NaN for the first model
     * @param corrected   the corrected p-value the decision used; NaN for the first model
     * @param opensTier   whether the model differs significantly from the leader it was compared
     *                    with, and so leads a new tier
     */
    public record Placement(int tier, int comparedTo, long leaderOnly, long modelOnly, double pValue,
                            double corrected, boolean opensTier) {
    }

    /**
     * Places models into tiers.
     *
     * @param outcomes each model's top-1 outcomes, sorted by top-1 accuracy, best first
     * @param alpha    the significance level, in (0, 1)
     * @return one placement per model, in the same order
     * @throws IllegalArgumentException when the models are not over the same items, are not sorted
     *                                  by accuracy, or alpha is out of range
     */
    public static List<Placement> assign(List<TopOneOutcomes> outcomes, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        for (int i = 1; i < outcomes.size(); i++) {
            if (outcomes.get(i).hits() > outcomes.get(i - 1).hits()) {
                throw new IllegalArgumentException("models must be sorted by top-1 accuracy, best first: model " + i
                        + " has " + outcomes.get(i).hits() + " hits, model " + (i - 1) + " has "
                        + outcomes.get(i - 1).hits());
            }
        }
        List<Placement> placements = new ArrayList<>(outcomes.size());
        if (outcomes.isEmpty()) {
            return placements;
        }
        placements.add(new Placement(1, -1, 0, 0, Double.NaN, Double.NaN, false));
        int comparisons = outcomes.size() - 1;
        int significant = 0;
        int tier = 1;
        int leader = 0;
        for (int i = 1; i < outcomes.size(); i++) {
            long[] discordant = outcomes.get(leader).discordant(outcomes.get(i));
            double p = McNemarTest.twoSided(discordant[0], discordant[1]);
            double corrected = Math.min(1, (comparisons - significant) * p);
            int comparedTo = leader;
            boolean opens = corrected < alpha;
            if (opens) {
                significant++;
                tier++;
                leader = i;
            }
            placements.add(new Placement(tier, comparedTo, discordant[0], discordant[1], p, corrected, opens));
        }
        return placements;
    }
}
