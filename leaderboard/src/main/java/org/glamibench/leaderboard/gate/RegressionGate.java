package org.glamibench.leaderboard.gate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glamibench.compare.RunComparison;
import org.glamibench.dataset.Geo;
import org.glamibench.leaderboard.TopOneOutcomes;
import org.glamibench.stats.Holm;
import org.glamibench.stats.Interval;
import org.glamibench.store.StoredPredictions;

/**
 * The accuracy regression gate: does a run lose top-1 accuracy against a baseline run on the same
 * test set? A scope (all items, or one geo) regresses when both hold:
 * <ul>
 *   <li>top-1 falls by more than the allowed drop: {@code (baseline hits - run hits) / items > maxDrop};</li>
 *   <li>the fall is significant: the exact one-sided McNemar p-value that the run is less accurate
 *       ({@link org.glamibench.stats.McNemarTest#aWorse} with the run as A) is below {@code alpha},
 *       Holm-corrected across the geos for the per-geo scopes.</li>
 * </ul>
 * Only the stored predictions are compared (and the test set's identity in run.json): provenance,
 * timing and the other run.json fields play no part. Runs on different test sets (manifest hash),
 * with different class indices, or over different items are refused.
 */
public final class RegressionGate {
    /** The default largest top-1 fall tolerated, as a rate. */
    public static final double DEFAULT_MAX_DROP = 0.005;
    /** The default significance level. */
    public static final double DEFAULT_ALPHA = 0.05;

    private RegressionGate() {
    }

    /**
     * The gate's finding in one scope.
     *
     * @param scope          {@code all} or a geo code
     * @param items          items in the scope
     * @param baselineTop1   the baseline's top-1
     * @param runTop1        the run's top-1
     * @param runOnly        items the run gets right and the baseline wrong
     * @param baselineOnly   items the baseline gets right and the run wrong
     * @param pValue         exact one-sided McNemar p-value that the run is less accurate
     * @param pValueAdjusted the p-value the decision used: Holm-corrected across geos for a geo, the
     *                       same for {@code all}
     * @param regression     whether the scope regressed
     */
    public record Scope(String scope, long items, double baselineTop1, double runTop1, long runOnly, long baselineOnly,
                        double pValue, double pValueAdjusted, boolean regression) {
        /** The run's top-1 minus the baseline's, from the paired counts. */
        public double delta() {
            return items == 0 ? 0 : (double) (runOnly - baselineOnly) / items;
        }
    }

    /**
     * The verdict on a run against a baseline.
     *
     * @param baselineId  the baseline's run id
     * @param runId       the run's run id
     * @param maxDrop     the largest fall tolerated
     * @param alpha       the significance level
     * @param overall     all items
     * @param geos        per geo with items, in geo order
     * @param difference  top-1(run) - top-1(baseline) with its paired bootstrap 95% interval
     * @param changedTop1 items whose top-1 category differs between the two
     */
    public record Verdict(String baselineId, String runId, double maxDrop, double alpha, Scope overall, List<Scope> geos,
                          Interval difference, long changedTop1) {
        /** The scopes that regressed, overall first. */
        public List<Scope> regressions() {
            List<Scope> found = new ArrayList<>();
            if (overall.regression()) {
                found.add(overall);
            }
            geos.stream().filter(Scope::regression).forEach(found::add);
            return found;
        }

        /** Whether no scope regressed. */
        public boolean passed() {
            return regressions().isEmpty();
        }
    }

    /**
     * Gates a run against a baseline run.
     *
     * @param seed seed of the paired bootstrap interval (reported, not used in the decision)
     * @throws IllegalArgumentException when the runs are on different test sets, class indices or
     *                                  items, a folder holds no finished run, or the settings are
     *                                  out of range
     * @throws IOException              when a run.json cannot be read
     */
    public static Verdict check(Path baseline, Path run, double maxDrop, double alpha, long seed) throws IOException {
        if (!(maxDrop >= 0 && maxDrop < 1) || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("need 0 <= max drop < 1 and 0 < alpha < 1, got " + maxDrop + " and " + alpha);
        }
        RunComparison.Comparison c = RunComparison.compare(run, baseline, seed);
        Scope overall = scope("all", c.overall(), c.overall().pValueAWorse(), maxDrop, alpha);
        List<Geo> geos = new ArrayList<>(c.perGeo().keySet());
        double[] raw = geos.stream().mapToDouble(g -> c.perGeo().get(g).pValueAWorse()).toArray();
        double[] holm = Holm.adjust(raw);
        List<Scope> perGeo = new ArrayList<>();
        for (int g = 0; g < geos.size(); g++) {
            perGeo.add(scope(geos.get(g).code(), c.perGeo().get(geos.get(g)), holm[g], maxDrop, alpha));
        }
        long changed = TopOneOutcomes.of(StoredPredictions.read(run)).changedTop1(TopOneOutcomes.of(StoredPredictions.read(baseline)));
        return new Verdict(c.runB(), c.runA(), maxDrop, alpha, overall, perGeo, c.difference(), changed);
    }

    /** A scope of the comparison with the run as A and the baseline as B. */
    private static Scope scope(String name, RunComparison.Scope s, double adjusted, double maxDrop, double alpha) {
        double drop = s.items() == 0 ? 0 : (double) (s.bOnly() - s.aOnly()) / s.items();
        boolean regression = drop > maxDrop && adjusted < alpha;
        return new Scope(name, s.items(), s.bTop1(), s.aTop1(), s.aOnly(), s.bOnly(), s.pValueAWorse(), adjusted, regression);
    }
}
