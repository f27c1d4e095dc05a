package org.glamibench.stats;

import java.util.SplittableRandom;

/**
 * Draws bootstrap resamples stratified by group (geo): each resample draws, with replacement,
 * as many items from each group as the group has. Resample {@code r} depends only on the seed and
 * {@code r}, so results do not depend on how resamples are spread over threads.
 */
final class StratifiedResampler {
    private final int[][] members;
    private final int items;
    private final long seed;

    /**
     * @param groupOfItem the group (0-based) of each item
     * @param groups      the number of groups
     */
    StratifiedResampler(int[] groupOfItem, int groups, long seed) {
        int[] sizes = new int[groups];
        for (int group : groupOfItem) {
            sizes[group]++;
        }
        members = new int[groups][];
        for (int g = 0; g < groups; g++) {
            members[g] = new int[sizes[g]];
        }
        int[] filled = new int[groups];
        for (int i = 0; i < groupOfItem.length; i++) {
            int g = groupOfItem[i];
            members[g][filled[g]++] = i;
        }
        this.items = groupOfItem.length;
        this.seed = seed;
    }

    /** Items per resample: all items. */
    int items() {
        return items;
    }

    /** The random source of resample {@code r}. */
    SplittableRandom random(int r) {
        return new SplittableRandom(SeedMix.of(seed, r));
    }

    /** Every item index, group by group (the order of {@link #groupBounds()}). */
    int[] groupedItems() {
        int[] items = new int[this.items];
        int k = 0;
        for (int[] group : members) {
            for (int item : group) {
                items[k++] = item;
            }
        }
        return items;
    }

    /**
     * Fills {@code drawn} with resample {@code r}: item indices, group by group. Position {@code k}
     * of group g holds {@code groupedItems()[bounds[g] + random(r).nextInt(size of g)]}, drawn in
     * that order.
     */
    void draw(int r, int[] drawn) {
        SplittableRandom random = random(r);
        int k = 0;
        for (int[] group : members) {
            for (int j = 0; j < group.length; j++) {
                drawn[k++] = group[random.nextInt(group.length)];
            }
        }
    }

    /** The start of each group's run in a drawn array, plus the end: length groups + 1. */
    int[] groupBounds() {
        int[] bounds = new int[members.length + 1];
        for (int g = 0; g < members.length; g++) {
            bounds[g + 1] = bounds[g] + members[g].length;
        }
        return bounds;
    }
}
