package org.glamibench.image;

/**
 * Why an item's image cannot be used as published.
 *
 * @param kind   the class of problem
 * @param detail what was found, e.g. the decoder's message or the actual size
 */
public record ImageProblem(Kind kind, String detail) {

    /** Classes of image problems. */
    public enum Kind {
        /** No file at {@code images/<image_id>.jpg}. */
        MISSING,
        /** Empty, not a JPEG, or the decoder failed. */
        UNREADABLE,
        /** The file ends early: the decoder filled the rest (grey rows) and warned. */
        TRUNCATED,
        /** Decoded, but not 228 wide by 298 high. */
        UNEXPECTED_SIZE
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " (" + detail + ")";
    }
}
