package org.glamibench.leaderboard;

import java.util.List;
import java.util.Locale;
import org.glamibench.run.RunResult;
import org.glamibench.run.ThroughputMeasurement;

/**
 * The ranking of the verified runs on one test set: same manifest, same class index, same scored
 * items. Runs on different test sets are never on one board.
 *
 * @param key           what the runs share
 * @param realTestSplit whether this is the real GLAMI-1M test split (see {@link Leaderboard#isRealTestSplit})
 * @param entries       the runs, best top-1 first, with their tiers
 * @param references    the paper's results, shown beside the real test split only; else empty
 */
public record Board(Key key, boolean realTestSplit, List<Entry> entries, List<PaperResult> references) {

    public Board {
        entries = List.copyOf(entries);
        references = List.copyOf(references);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a board has at least one run");
        }
    }

    /**
     * The identity of a test set.
     *
     * @param manifestSha256   the split's manifest hash
     * @param classIndexSha256 the class index hash
     * @param itemSetSha256    the hash of the scored item ids ({@link TopOneOutcomes#itemSetSha256})
     */
    public record Key(String manifestSha256, String classIndexSha256, String itemSetSha256) {
    }

    /**
     * One ranked run.
     *
     * @param run        the verified run
     * @param placement  its tier and the comparison that decided it
     * @param comparedTo the run id of the tier leader it was compared with; null for the first
     * @param throughput its adapter's throughput at batch 32; null when not measured
     */
    public record Entry(VerifiedRun run, Tiers.Placement placement, String comparedTo, ThroughputMeasurement throughput) {
    }

    /** The dataset section shared by the board's runs (of its first run). */
    public RunResult.Dataset dataset() {
        return entries.get(0).run().result().dataset();
    }

    /** A short id for file names: the first 12 hex digits of the manifest and of the item set. */
    public String slug() {
        return key.manifestSha256().substring(0, 12) + "-" + key.itemSetSha256().substring(0, 12);
    }

    /** The board's title for people. */
    public String title() {
        RunResult.Dataset d = dataset();
        String items = d.scoredRows() == d.rows() ? String.format(Locale.ROOT, "all %,d items", d.rows())
                : String.format(Locale.ROOT, "%,d of its %,d items", d.scoredRows(), d.rows());
        return (realTestSplit ? "GLAMI-1M test split" : "Test split " + key.manifestSha256().substring(0, 12))
                + ", " + items;
    }
}
