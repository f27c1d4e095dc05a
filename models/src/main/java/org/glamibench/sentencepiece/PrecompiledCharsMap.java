package org.glamibench.sentencepiece;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The normalization rules of {@code NormalizerSpec.precompiled_charsmap}: a little-endian uint32 byte length of a
 * Darts-clone double-array trie, the trie's uint32 units, then the NUL-terminated replacement strings that the
 * trie's values point into. Keys are UTF-8 byte sequences of the input.
 */
final class PrecompiledCharsMap {
    private final int[] units;
    private final byte[] replacements;
    private final String file;

    private PrecompiledCharsMap(int[] units, byte[] replacements, String file) {
        this.units = units;
        this.replacements = replacements;
        this.file = file;
    }

    /**
     * Decodes a charsmap blob.
     *
     * @param file names the file in messages
     * @throws SentencePieceException when the blob is shorter than its header says
     */
    static PrecompiledCharsMap decode(byte[] blob, String file) {
        if (blob.length <= 4) {
            throw new SentencePieceException(file + ": normalizer_spec.precompiled_charsmap is broken ("
                    + blob.length + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        long trieBytes = Integer.toUnsignedLong(buffer.getInt());
        if (trieBytes >= blob.length - 4L) {
            throw new SentencePieceException(file + ": normalizer_spec.precompiled_charsmap: its trie of " + trieBytes
                    + " bytes exceeds the " + blob.length + "-byte blob");
        }
        int[] units = new int[(int) trieBytes / 4];
        buffer.asIntBuffer().get(units);
        byte[] replacements = new byte[blob.length - 4 - (int) trieBytes];
        System.arraycopy(blob, 4 + (int) trieBytes, replacements, 0, replacements.length);
        return new PrecompiledCharsMap(units, replacements, file);
    }

    /**
     * The longest rule whose key is a prefix of {@code input[from, to)}.
     *
     * @return the rule's key length in bytes in the high 32 bits and the offset of its replacement in
     *         {@link #replacements()} in the low 32 bits; 0 when no key matches
     */
    long longestMatch(byte[] input, int from, int to) {
        long found = 0;
        int node = offset(unit(0));
        for (int i = from; i < to; i++) {
            int label = input[i] & 0xFF;
            node ^= label;
            int unit = unit(node);
            if (unit == -1 || (unit & 0x800000FF) != label) {
                break;
            }
            node ^= offset(unit);
            if ((unit >>> 8 & 1) == 1) {
                int valueUnit = unit(node);
                int value = valueUnit & 0x7FFFFFFF;
                if (valueUnit == -1 || value >= replacements.length) {
                    throw new SentencePieceException(file + ": normalizer_spec.precompiled_charsmap: a rule points"
                            + " outside the blob");
                }
                found = (long) (i + 1 - from) << 32 | value;
            }
        }
        return found;
    }

    /** The NUL-separated replacement strings; a rule's replacement runs from its offset to the next NUL. */
    byte[] replacements() {
        return replacements;
    }

    /** The replacement's end (exclusive): the NUL after {@code offset}, or the end of the strings. */
    int replacementEnd(int offset) {
        int end = offset;
        while (end < replacements.length && replacements[end] != 0) {
            end++;
        }
        return end;
    }

    /** The unit at {@code index}, or -1 (no valid unit has all bits set) outside the array. */
    private int unit(int index) {
        return index >= 0 && index < units.length ? units[index] : -1;
    }

    private static int offset(int unit) {
        return (unit >>> 10) << ((unit & (1 << 9)) >>> 6);
    }
}
