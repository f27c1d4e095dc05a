package org.glamibench.sentencepiece;

import java.nio.file.Path;

/** A SentencePiece unigram model (a {@code spiece.model} file) that encodes text to piece ids. */
public final class SentencePieceModel {
    private SentencePieceModel() {
    }

    /**
     * Reads a model file.
     *
     * @throws SentencePieceException naming the file when it cannot be read, is not a model, or is not a unigram model
     */
    public static SentencePieceModel read(Path file) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The ids of {@code text}, as Python's {@code SentencePieceProcessor.encode(text)} gives them. */
    public int[] encode(String text) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The number of pieces (the vocabulary size). */
    public int pieceCount() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The piece of {@code id}; throws IndexOutOfBoundsException outside {@code [0, pieceCount())}. */
    public String piece(int id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The id of {@code piece}, or -1 when the model has no such piece. */
    public int pieceId(String piece) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The id of the unknown piece, from the trainer spec. */
    public int unknownId() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The id of the end-of-sentence piece, or -1 when disabled. */
    public int eosId() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The id of the padding piece, or -1 when disabled. */
    public int padId() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The id of the beginning-of-sentence piece, or -1 when disabled. */
    public int bosId() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
