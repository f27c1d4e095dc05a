package org.glamibench.sentencepiece;

import java.util.Arrays;

/**
 * Finds the pieces that are prefixes of a UTF-8 byte string: the pieces' UTF-8 keys sorted as unsigned bytes,
 * searched by narrowing the range of keys that share the prefix read so far, one byte at a time.
 */
final class PieceTrie {
    /** Receives one match of {@link #forEachPrefix}. */
    @FunctionalInterface
    interface MatchConsumer {
        /** Called with the match's end (exclusive) in the searched bytes and the piece's id. */
        void accept(int end, int id);
    }

    private final byte[][] keys;
    private final int[] ids;

    /** A trie of the pieces {@code keys[i]} (UTF-8; distinct, non-empty) with the ids {@code ids[i]}. */
    PieceTrie(byte[][] keys, int[] ids) {
        Integer[] order = new Integer[keys.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(keys[a], keys[b]));
        this.keys = new byte[keys.length][];
        this.ids = new int[keys.length];
        for (int i = 0; i < order.length; i++) {
            this.keys[i] = keys[order[i]];
            this.ids[i] = ids[order[i]];
        }
    }

    /** Calls {@code consumer} for each piece that is a prefix of {@code text[from, to)}, shortest first. */
    void forEachPrefix(byte[] text, int from, int to, MatchConsumer consumer) {
        int low = 0;
        int high = keys.length;
        for (int depth = 0; from + depth < to && low < high; depth++) {
            int label = text[from + depth] & 0xFF;
            low = firstWithByteAtLeast(low, high, depth, label);
            high = firstWithByteAtLeast(low, high, depth, label + 1);
            if (low < high && keys[low].length == depth + 1) {
                consumer.accept(from + depth + 1, ids[low]);
                low++;
            }
        }
    }

    /** The id of the longest piece that is a prefix of {@code text[from, to)}, its end in the high 32 bits; or -1. */
    long longestPrefix(byte[] text, int from, int to) {
        long[] longest = {-1};
        forEachPrefix(text, from, to, (end, id) -> longest[0] = (long) end << 32 | id);
        return longest[0];
    }

    /**
     * The first index in {@code [low, high)} whose key's byte at {@code depth} is at least {@code label}; every key
     * there is longer than {@code depth} and shares the bytes before it, so the keys are sorted by that byte.
     */
    private int firstWithByteAtLeast(int low, int high, int depth, int label) {
        while (low < high) {
            int middle = (low + high) >>> 1;
            if ((keys[middle][depth] & 0xFF) < label) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
