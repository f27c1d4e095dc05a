package org.glamibench.sentencepiece;

/** A SentencePiece model file that cannot be read or is not supported; the message starts with the file. */
public final class SentencePieceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error whose message starts with the file it is about. */
    public SentencePieceException(String message) {
        super(message);
    }

    /** An error whose message starts with the file it is about, caused by {@code cause}. */
    public SentencePieceException(String message, Throwable cause) {
        super(message, cause);
    }
}
