package org.glamibench.adapter.exported;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.util.Map;

/**
 * Turns texts into token ids, attention masks and token type ids of a fixed length with a
 * HuggingFace {@code tokenizer.json} (DJL's tokenizers binding, offline): cut to the length (longest
 * first), padded with the tokenizer's pad token (the {@code padding} section of the tokenizer.json;
 * id 0 and {@code [PAD]} when it has none). Special tokens are added when the tokenizer's post
 * processor adds them. Thread-safe.
 */
public final class TextEncoder implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final int length;

    /**
     * One text's tokens, each array of the encoder's length.
     *
     * @param ids           token ids
     * @param attentionMask 1 for a token, 0 for padding
     * @param typeIds       token type ids (0 for a single text)
     */
    public record Encoded(long[] ids, long[] attentionMask, long[] typeIds) {
    }

    private TextEncoder(HuggingFaceTokenizer tokenizer, int length) {
        this.tokenizer = tokenizer;
        this.length = length;
    }

    /**
     * Loads the tokenizer of the spec's text settings.
     *
     * @throws SpecException naming {@code text.tokenizer} when it cannot be loaded
     */
    public static TextEncoder open(ModelSpec spec) {
        ModelSpec.TextSettings text = spec.text();
        String length = Integer.toString(text.maxLength());
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(text.tokenizer(), Map.of(
                    "maxLength", length, "modelMaxLength", length, "padding", "max_length", "truncation", "true"));
            return new TextEncoder(tokenizer, text.maxLength());
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            throw new SpecException(spec.file(), "text.tokenizer", "cannot load " + text.tokenizer() + " with the "
                    + "HuggingFace tokenizers library: " + e.getMessage(), e);
        }
    }

    /** Tokens per text. */
    public int length() {
        return length;
    }

    /**
     * The tokens of a text.
     *
     * @throws IllegalStateException when the tokenizer does not return {@link #length()} tokens
     */
    public Encoded encode(String text) {
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        if (ids.length != length) {
            throw new IllegalStateException("the tokenizer made " + ids.length + " tokens of a text, not " + length);
        }
        return new Encoded(ids, encoding.getAttentionMask(), encoding.getTypeIds());
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
