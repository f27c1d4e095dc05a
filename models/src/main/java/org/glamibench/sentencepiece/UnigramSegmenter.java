package org.glamibench.sentencepiece;

import java.util.Arrays;

/**
 * The best segmentation of normalized text under a unigram model, computed as sentencepiece's optimized Viterbi
 * does, with its arithmetic: for each UTF-8 character position, the best-scoring path ending there; a piece's
 * score from the model, a user-defined piece's {@code length_in_bytes * max_score - 0.1} (so that it always wins),
 * and an unknown character's {@code min_score - 10} when no piece covers that character alone. Unused pieces are
 * never chosen; control and byte pieces are not in the trie.
 */
final class UnigramSegmenter {
    private static final float UNKNOWN_PENALTY = 10.0f;

    private final PieceTrie pieces;
    private final float[] scores;
    private final boolean[] userDefined;
    private final boolean[] unused;
    private final int unknownId;
    private final float maxScore;
    private final float unknownScore;

    /**
     * A segmenter over {@code pieces}, whose ids index {@code scores}, {@code userDefined} and {@code unused}.
     *
     * @param minScore the least score of a normal piece
     * @param maxScore the greatest score of a normal piece, at least {@link Float#MIN_NORMAL} as in the reference
     */
    UnigramSegmenter(PieceTrie pieces, float[] scores, boolean[] userDefined, boolean[] unused, int unknownId,
                     float minScore, float maxScore) {
        this.pieces = pieces;
        this.scores = scores;
        this.userDefined = userDefined;
        this.unused = unused;
        this.unknownId = unknownId;
        this.maxScore = maxScore;
        this.unknownScore = minScore - UNKNOWN_PENALTY;
    }

    /** A segmentation: piece {@code i} is {@code text[ends[i-1], ends[i])} (from 0 when i = 0), id {@code ids[i]}. */
    record Segmentation(int[] ends, int[] ids) {
    }

    /** The best segmentation of {@code normalized}; empty for empty text. */
    Segmentation segment(byte[] normalized) {
        int size = normalized.length;
        float[] bestScore = new float[size + 1];
        int[] bestStart = new int[size + 1];
        int[] bestId = new int[size + 1];
        Arrays.fill(bestStart, -1);
        Arrays.fill(bestId, -1);
        int start = 0;
        while (start < size) {
            int from = start;
            float scoreHere = bestScore[start];
            int charLength = Utf8.charLength(normalized, start, size);
            boolean[] hasSingleCharacter = {false};
            pieces.forEachPrefix(normalized, start, size, (end, id) -> {
                if (unused[id]) {
                    return;
                }
                int length = end - from;
                // The reference computes in double here: its score expression mixes float and double.
                double score = userDefined[id] ? (double) (length * maxScore) - 0.1 : (double) scores[id];
                double candidate = score + scoreHere;
                if (bestStart[end] == -1 || candidate > bestScore[end]) {
                    bestScore[end] = (float) candidate;
                    bestStart[end] = from;
                    bestId[end] = id;
                }
                if (length == charLength) {
                    hasSingleCharacter[0] = true;
                }
            });
            if (!hasSingleCharacter[0]) {
                int end = start + charLength;
                float candidate = unknownScore + scoreHere;
                if (bestStart[end] == -1 || candidate > bestScore[end]) {
                    bestScore[end] = candidate;
                    bestStart[end] = start;
                    bestId[end] = unknownId;
                }
            }
            start += charLength;
        }
        int count = 0;
        for (int end = size; end > 0; end = bestStart[end]) {
            count++;
        }
        int[] ends = new int[count];
        int[] ids = new int[count];
        for (int end = size, i = count - 1; end > 0; end = bestStart[end], i--) {
            ends[i] = end;
            ids[i] = bestId[end];
        }
        return new Segmentation(ends, ids);
    }
}
