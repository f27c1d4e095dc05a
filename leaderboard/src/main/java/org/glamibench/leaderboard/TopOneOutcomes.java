package org.glamibench.leaderboard;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.glamibench.dataset.Geo;
import org.glamibench.files.Sha256;
import org.glamibench.store.ItemStatus;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.StoredPredictions;

/**
 * The top-1 outcome of every item of a run, in ascending item id order, so that two runs over the
 * same items line up position by position: what paired tests and the determinism probe compare.
 * Immutable.
 */
public final class TopOneOutcomes {
    /** The top-1 category of a failed item (input or adapter error), which is never right. */
    public static final int NO_PREDICTION = -1;

    private final long[] itemIds;
    private final Geo[] geos;
    private final int[] top1;
    private final boolean[] correct;

    /** Outcomes held as given (not copied); item ids ascending. */
    TopOneOutcomes(long[] itemIds, Geo[] geos, int[] top1, boolean[] correct) {
        this.itemIds = itemIds;
        this.geos = geos;
        this.top1 = top1;
        this.correct = correct;
    }

    /** The outcomes of stored predictions. */
    public static TopOneOutcomes of(StoredPredictions stored) {
        int n = stored.size();
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingLong(i -> stored.rows().get(i).itemId()));
        long[] itemIds = new long[n];
        Geo[] geos = new Geo[n];
        int[] top1 = new int[n];
        boolean[] correct = new boolean[n];
        for (int k = 0; k < n; k++) {
            PredictionRow row = stored.rows().get(order[k]);
            itemIds[k] = row.itemId();
            geos[k] = row.geo();
            top1[k] = row.status() == ItemStatus.OK ? row.topCategories()[0] : NO_PREDICTION;
            correct[k] = top1[k] == row.category();
        }
        return new TopOneOutcomes(itemIds, geos, top1, correct);
    }

    /** Number of items. */
    public int size() {
        return itemIds.length;
    }

    /** Whether the item at a position (ascending item id order) was right at top-1. */
    public boolean correct(int position) {
        return correct[position];
    }

    /** The geo of the item at a position. */
    public Geo geo(int position) {
        return geos[position];
    }

    /** Items right at top-1. */
    public long hits() {
        long hits = 0;
        for (boolean right : correct) {
            hits += right ? 1 : 0;
        }
        return hits;
    }

    /** Whether the other outcomes are of exactly the same items. */
    public boolean sameItems(TopOneOutcomes other) {
        return Arrays.equals(itemIds, other.itemIds);
    }

    /**
     * SHA-256 of the item ids, ascending, as 8-byte big-endian values: the identity of the set of
     * items a run scored (all of a test split, its first N, or a subset).
     */
    public String itemSetSha256() {
        MessageDigest digest = Sha256.newDigest();
        ByteBuffer buffer = ByteBuffer.allocate(8);
        for (long id : itemIds) {
            buffer.clear();
            digest.update(buffer.putLong(id).array());
        }
        return Sha256.hex(digest.digest());
    }

    /**
     * Items this run gets right at top-1 and the other gets wrong ({@code [0]}), and the reverse
     * ({@code [1]}): McNemar's discordant counts with this run as A.
     *
     * @throws IllegalArgumentException when the two are not over the same items
     */
    public long[] discordant(TopOneOutcomes other) {
        requireSameItems(other);
        long thisOnly = 0;
        long otherOnly = 0;
        for (int i = 0; i < correct.length; i++) {
            thisOnly += correct[i] && !other.correct[i] ? 1 : 0;
            otherOnly += other.correct[i] && !correct[i] ? 1 : 0;
        }
        return new long[] {thisOnly, otherOnly};
    }

    /**
     * Items whose top-1 category differs between the two runs (a failed item has none, so an item
     * that fails in one run only counts as changed).
     *
     * @throws IllegalArgumentException when the two are not over the same items
     */
    public long changedTop1(TopOneOutcomes other) {
        requireSameItems(other);
        long changed = 0;
        for (int i = 0; i < top1.length; i++) {
            changed += top1[i] != other.top1[i] ? 1 : 0;
        }
        return changed;
    }

    private void requireSameItems(TopOneOutcomes other) {
        if (!sameItems(other)) {
            throw new IllegalArgumentException("the runs are not over the same items (" + size() + " and "
                    + other.size() + " items)");
        }
    }
}
