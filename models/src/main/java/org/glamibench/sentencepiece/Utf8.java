package org.glamibench.sentencepiece;

/** How sentencepiece steps over UTF-8 text: one character at a time, its length told by its lead byte. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * The length of the character at {@code bytes[position]} told by its lead byte alone (1 for a trail byte or
     * an invalid lead), capped at the bytes left before {@code end}.
     */
    static int charLength(byte[] bytes, int position, int end) {
        int lead = bytes[position] & 0xFF;
        int length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        return Math.min(length, end - position);
    }
}
