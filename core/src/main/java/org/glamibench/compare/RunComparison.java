package org.glamibench.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.glamibench.dataset.Geo;
import org.glamibench.run.RunFiles;
import org.glamibench.run.RunResult;
import org.glamibench.stats.Holm;
import org.glamibench.stats.Interval;
import org.glamibench.stats.McNemarTest;
import org.glamibench.stats.PairedBootstrap;
import org.glamibench.store.ItemStatus;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.StoredPredictions;

/**
 * Compares two runs on the same test set, item by item: the exact McNemar test overall and per
 * geo (Holm-corrected across geos) and a paired bootstrap interval of the top-1 difference. Runs
 * on different test sets (manifest hash) or class indices are refused, never compared.
 */
public final class RunComparison {
    /** Resamples of the paired bootstrap. */
    public static final int RESAMPLES = 1000;

    private RunComparison() {
    }

    /**
     * Paired counts and tests of one scope (overall or one geo).
     *
     * @param items          paired items
     * @param aTop1          A's top-1 accuracy
     * @param bTop1          B's top-1 accuracy
     * @param aOnly          items A gets right and B wrong (McNemar's b)
     * @param bOnly          items B gets right and A wrong (McNemar's c)
     * @param pValue         exact two-sided McNemar p-value
     * @param pValueHolm     the p-value Holm-corrected across geos (the overall scope: = pValue)
     * @param pValueAWorse   exact one-sided p-value that A is less accurate than B
     */
    public record Scope(long items, double aTop1, double bTop1, long aOnly, long bOnly, double pValue,
                        double pValueHolm, double pValueAWorse) {
        /** A's top-1 minus B's. */
        public double difference() {
            return aTop1 - bTop1;
        }
    }

    /**
     * The comparison of run A with run B.
     *
     * @param runA         run A's id
     * @param runB         run B's id
     * @param overall      all paired items
     * @param perGeo       per geo with items
     * @param difference   top-1(A) - top-1(B) with its paired bootstrap 95% interval
     */
    public record Comparison(String runA, String runB, Scope overall, Map<Geo, Scope> perGeo, Interval difference) {
    }

    /**
     * Compares two finished run folders.
     *
     * @throws IllegalArgumentException when a run.json is not a run result, a run scored no items,
     *                                  the runs' manifests or class indices differ, or their items
     *                                  are not the same set
     * @throws java.io.IOException      when a run.json cannot be read
     */
    public static Comparison compare(Path runDirA, Path runDirB, long seed) throws java.io.IOException {
        RunResult a = RunFiles.readRun(runDirA);
        RunResult b = RunFiles.readRun(runDirB);
        requireSameTestSet(a, b);
        StoredPredictions storedA = StoredPredictions.read(runDirA);
        StoredPredictions storedB = StoredPredictions.read(runDirB);
        for (Path dir : List.of(runDirA, runDirB)) {
            if ((dir == runDirA ? storedA : storedB).size() == 0) {
                throw new IllegalArgumentException(dir + ": a run of 0 scored items: there is nothing to compare");
            }
        }
        if (storedA.size() != storedB.size()) {
            throw new IllegalArgumentException(a.runId() + " scored " + storedA.size() + " items, " + b.runId()
                    + " scored " + storedB.size() + ": only runs over the same items are compared");
        }
        int n = storedA.size();
        Geo[] geos = new Geo[n];
        boolean[] rightA = new boolean[n];
        boolean[] rightB = new boolean[n];
        for (int i = 0; i < n; i++) {
            PredictionRow rowA = storedA.rows().get(i);
            int j = storedB.rowOf(rowA.itemId());
            if (j < 0) {
                throw new IllegalArgumentException("item " + rowA.itemId() + " of " + a.runId() + " is not in "
                        + b.runId() + ": only runs over the same items are compared");
            }
            geos[i] = rowA.geo();
            rightA[i] = correct(rowA);
            rightB[i] = correct(storedB.rows().get(j));
        }
        Map<Geo, long[]> counts = new EnumMap<>(Geo.class);
        long[] all = new long[4];
        for (int i = 0; i < n; i++) {
            long[] geo = counts.computeIfAbsent(geos[i], g -> new long[4]);
            for (long[] c : List.of(geo, all)) {
                c[0]++;
                c[1] += rightA[i] ? 1 : 0;
                c[2] += rightB[i] ? 1 : 0;
                c[3] += rightA[i] && !rightB[i] ? 1 : 0;
            }
        }
        List<Geo> geoOrder = new ArrayList<>(counts.keySet());
        double[] raw = new double[geoOrder.size()];
        for (int g = 0; g < raw.length; g++) {
            raw[g] = McNemarTest.twoSided(aOnly(counts.get(geoOrder.get(g))), bOnly(counts.get(geoOrder.get(g))));
        }
        double[] holm = Holm.adjust(raw);
        Map<Geo, Scope> perGeo = new EnumMap<>(Geo.class);
        for (int g = 0; g < raw.length; g++) {
            perGeo.put(geoOrder.get(g), scope(counts.get(geoOrder.get(g)), holm[g]));
        }
        Scope overall = scope(all, McNemarTest.twoSided(aOnly(all), bOnly(all)));
        Interval difference = PairedBootstrap.top1Difference(geos, rightA, rightB, RESAMPLES, 0.95, seed);
        return new Comparison(a.runId(), b.runId(), overall, perGeo, difference);
    }

    /**
     * Refuses two runs that are not comparable item by item: runs on different test sets
     * (manifest hash) or with different class indices.
     *
     * @throws IllegalArgumentException naming both runs and their hashes
     */
    public static void requireSameTestSet(RunResult a, RunResult b) {
        if (!a.dataset().manifestSha256().equals(b.dataset().manifestSha256())) {
            throw new IllegalArgumentException("runs on different test sets are not comparable: " + a.runId()
                    + " has manifest " + a.dataset().manifestSha256() + ", " + b.runId() + " has "
                    + b.dataset().manifestSha256());
        }
        if (!a.dataset().classIndexSha256().equals(b.dataset().classIndexSha256())) {
            throw new IllegalArgumentException("runs with different class indices are not comparable: " + a.runId()
                    + " has " + a.dataset().classIndexSha256() + ", " + b.runId() + " has "
                    + b.dataset().classIndexSha256());
        }
    }

    private static boolean correct(PredictionRow row) {
        return row.status() == ItemStatus.OK && row.topCategories()[0] == row.category();
    }

    /** counts: items, A right, B right, A right and B wrong. */
    private static long aOnly(long[] c) {
        return c[3];
    }

    private static long bOnly(long[] c) {
        // B right and A wrong = B right - (both right) = B right - (A right - A only).
        return c[2] - (c[1] - c[3]);
    }

    private static Scope scope(long[] c, double holm) {
        long b = aOnly(c);
        long d = bOnly(c);
        return new Scope(c[0], (double) c[1] / c[0], (double) c[2] / c[0], b, d, McNemarTest.twoSided(b, d), holm,
                McNemarTest.aWorse(b, d));
    }
}
