package org.glamibench.dataset;

import java.util.Arrays;

/**
 * The line of each item id seen so far, in a primitive open-addressing table (no boxing: 1M ids
 * take about 24 MB). Not thread-safe.
 */
final class ItemLines {
    private static final long FREE = Long.MIN_VALUE;

    private long[] keys = new long[1 << 12];
    private long[] lines = new long[1 << 12];
    private int size;

    ItemLines() {
        Arrays.fill(keys, FREE);
    }

    /**
     * Records the line of an item id unless it was seen before.
     *
     * @param itemId a non-negative id
     * @return the line recorded earlier for this id, or -1 when it is new (and now recorded)
     */
    long putIfAbsent(long itemId, long line) {
        if ((size + 1) * 2L > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int slot = mix(itemId) & mask; ; slot = (slot + 1) & mask) {
            if (keys[slot] == FREE) {
                keys[slot] = itemId;
                lines[slot] = line;
                size++;
                return -1;
            }
            if (keys[slot] == itemId) {
                return lines[slot];
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new long[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                putIfAbsent(oldKeys[i], oldLines[i]);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
