package org.glamibench.sentencepiece;

import java.util.Arrays;

/**
 * sentencepiece's normalizer: rewrites well-formed UTF-8 text by the precompiled charsmap (the longest matching
 * rule at each position, else the character unchanged; a user-defined symbol is copied whole and unnormalized),
 * then removes leading, trailing and repeated spaces, adds the dummy space prefix (or suffix) and replaces spaces
 * by U+2581, each as the {@code NormalizerSpec} and {@code TrainerSpec} say.
 */
final class Normalizer {
    private static final byte SPACE = ' ';
    private static final byte[] SPACE_SYMBOL = {(byte) 0xE2, (byte) 0x96, (byte) 0x81};

    private final PrecompiledCharsMap charsMap;
    private final PieceTrie userDefinedSymbols;
    private final boolean addDummyPrefix;
    private final boolean removeExtraWhitespaces;
    private final boolean escapeWhitespaces;
    private final boolean whitespaceAsSuffix;

    /**
     * A normalizer of these rules.
     *
     * @param charsMap           the rules, or null for none (the identity normalizer)
     * @param userDefinedSymbols the user-defined pieces, or null when the model has none
     */
    Normalizer(PrecompiledCharsMap charsMap, PieceTrie userDefinedSymbols, boolean addDummyPrefix,
               boolean removeExtraWhitespaces, boolean escapeWhitespaces, boolean whitespaceAsSuffix) {
        this.charsMap = charsMap;
        this.userDefinedSymbols = userDefinedSymbols;
        this.addDummyPrefix = addDummyPrefix;
        this.removeExtraWhitespaces = removeExtraWhitespaces;
        this.escapeWhitespaces = escapeWhitespaces;
        this.whitespaceAsSuffix = whitespaceAsSuffix;
    }

    /** The normalized form of {@code input}, well-formed UTF-8; empty when it is empty or only spaces. */
    byte[] normalize(byte[] input) {
        int position = 0;
        if (removeExtraWhitespaces) {
            while (position < input.length) {
                Replacement prefix = normalizePrefix(input, position);
                if (!prefix.isSingleSpace()) {
                    break;
                }
                position += prefix.consumed();
            }
        }
        if (position == input.length) {
            return new byte[0];
        }
        Output output = new Output(input.length * 3);
        if (!whitespaceAsSuffix && addDummyPrefix) {
            output.appendSpace();
        }
        boolean previousIsSpace = removeExtraWhitespaces;
        while (position < input.length) {
            Replacement prefix = normalizePrefix(input, position);
            int from = prefix.from();
            if (previousIsSpace) {
                while (from < prefix.to() && prefix.source()[from] == SPACE) {
                    from++;
                }
            }
            if (from < prefix.to()) {
                for (int i = from; i < prefix.to(); i++) {
                    byte b = prefix.source()[i];
                    if (b == SPACE) {
                        output.appendSpace();
                    } else {
                        output.append(b);
                    }
                }
                previousIsSpace = prefix.source()[prefix.to() - 1] == SPACE;
            }
            position += prefix.consumed();
            if (!removeExtraWhitespaces) {
                previousIsSpace = false;
            }
        }
        if (removeExtraWhitespaces) {
            output.removeTrailingSpaces();
        }
        if (whitespaceAsSuffix && addDummyPrefix) {
            output.appendSpace();
        }
        return output.toByteArray();
    }

    /** The replacement of the longest rule or user-defined symbol at {@code input[position]}, else its character. */
    private Replacement normalizePrefix(byte[] input, int position) {
        if (userDefinedSymbols != null) {
            long symbol = userDefinedSymbols.longestPrefix(input, position, input.length);
            if (symbol >= 0) {
                int end = (int) (symbol >>> 32);
                return new Replacement(input, position, end, end - position);
            }
        }
        if (charsMap != null) {
            long rule = charsMap.longestMatch(input, position, input.length);
            if (rule != 0) {
                int offset = (int) rule;
                return new Replacement(charsMap.replacements(), offset, charsMap.replacementEnd(offset),
                        (int) (rule >>> 32));
            }
        }
        int length = Utf8.charLength(input, position, input.length);
        return new Replacement(input, position, position + length, length);
    }

    /** The bytes {@code source[from, to)} that replace {@code consumed} input bytes. */
    private record Replacement(byte[] source, int from, int to, int consumed) {
        boolean isSingleSpace() {
            return to - from == 1 && source[from] == SPACE;
        }
    }

    /** The normalized bytes written so far. */
    private final class Output {
        private byte[] bytes;
        private int size;

        Output(int capacity) {
            bytes = new byte[Math.max(capacity, 16)];
        }

        void append(byte b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = b;
        }

        /** Appends a space: U+2581 when spaces are escaped, else ' '. */
        void appendSpace() {
            if (escapeWhitespaces) {
                for (byte b : SPACE_SYMBOL) {
                    append(b);
                }
            } else {
                append(SPACE);
            }
        }

        void removeTrailingSpaces() {
            byte[] space = escapeWhitespaces ? SPACE_SYMBOL : new byte[] {SPACE};
            while (size >= space.length
                    && Arrays.equals(bytes, size - space.length, size, space, 0, space.length)) {
                size -= space.length;
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
