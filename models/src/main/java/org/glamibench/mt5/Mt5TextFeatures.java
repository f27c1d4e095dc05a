package org.glamibench.mt5;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.glamibench.sentencepiece.SentencePieceException;
import org.glamibench.sentencepiece.SentencePieceModel;
import org.glamibench.torch.TorchFileException;

/**
 * The published GLAMI-1M baseline's text features: the text tokenized as {@code T5Tokenizer(google/mt5-small)}
 * with {@code padding="max_length", max_length=32, truncation=True} does it, then the mT5 encoder; the
 * features are the last hidden state ({@code [32, dModel]}) times the attention mask (or not, when opened
 * with {@code mask=false}), flattened token-major (index {@code t * dModel + d}). Not thread-safe.
 */
public final class Mt5TextFeatures implements AutoCloseable {
    /** Tokens per text: the ids, cut to 31, then {@code </s>}, then padding. */
    public static final int MAX_LENGTH = 32;
    /** The SentencePiece model file of a model folder. */
    public static final String TOKENIZER_FILE = "spiece.model";
    private static final int TEXTS_PER_BATCH = 64;

    private final Mt5Encoder encoder;
    private final SentencePieceModel tokenizer;
    private final boolean mask;

    private Mt5TextFeatures(Mt5Encoder encoder, SentencePieceModel tokenizer, boolean mask) {
        this.encoder = encoder;
        this.tokenizer = tokenizer;
        this.mask = mask;
    }

    /**
     * Opens the model folder {@code dir} ({@code config.json}, {@code pytorch_model.bin}, {@value #TOKENIZER_FILE})
     * on {@code device}; {@code mask} says whether padded positions are zeroed (the published code after its
     * mask commit) or keep the encoder's output (before it).
     *
     * @throws Mt5ModelException     naming the file when a file is missing, {@code config.json} is bad, or the
     *                               tokenizer has no end-of-sentence or padding id, or ids beyond the
     *                               encoder's vocabulary
     * @throws TorchFileException    as {@link Mt5Encoder#load} throws it
     * @throws SentencePieceException naming the file when the tokenizer model cannot be read
     */
    public static Mt5TextFeatures open(Path dir, Device device, boolean mask) {
        Path tokenizerFile = dir.resolve(TOKENIZER_FILE);
        if (!Files.isRegularFile(tokenizerFile)) {
            throw new Mt5ModelException(tokenizerFile + ": missing (the mT5 tokenizer's SentencePiece model)");
        }
        SentencePieceModel tokenizer = SentencePieceModel.read(tokenizerFile);
        if (tokenizer.eosId() < 0 || tokenizer.padId() < 0) {
            throw new Mt5ModelException(tokenizerFile + ": the end-of-sentence id (" + tokenizer.eosId()
                    + ") and the padding id (" + tokenizer.padId() + ") must both be enabled");
        }
        Mt5Encoder encoder = Mt5Encoder.load(dir, device);
        if (tokenizer.pieceCount() > encoder.config().vocabSize()) {
            encoder.close();
            throw new Mt5ModelException(tokenizerFile + ": " + tokenizer.pieceCount() + " pieces, more than the "
                    + encoder.config().vocabSize() + " of vocab_size in " + dir.resolve(Mt5Encoder.CONFIG_FILE));
        }
        return new Mt5TextFeatures(encoder, tokenizer, mask);
    }

    /** Features per text: {@code 32 * dModel}. */
    public int width() {
        return MAX_LENGTH * encoder.config().dModel();
    }

    /**
     * The {@value #MAX_LENGTH} token ids of {@code text}: its SentencePiece ids cut to 31, then the
     * end-of-sentence id, then the padding id (what {@code T5Tokenizer} gives for one text).
     */
    public long[] tokenIds(String text) {
        return tokenize(text).ids();
    }

    /**
     * One row of {@link #width()} features per text, in order; an empty list gives no rows.
     *
     * @throws NullPointerException when a text is null
     */
    public float[][] features(List<String> texts) {
        float[][] rows = new float[texts.size()][];
        for (int start = 0; start < texts.size(); start += TEXTS_PER_BATCH) {
            int count = Math.min(TEXTS_PER_BATCH, texts.size() - start);
            long[][] ids = new long[count][];
            long[][] attention = new long[count][MAX_LENGTH];
            for (int i = 0; i < count; i++) {
                Tokens tokens = tokenize(texts.get(start + i));
                ids[i] = tokens.ids();
                Arrays.fill(attention[i], 0, tokens.count(), 1L);
            }
            float[][][] hidden = encoder.lastHiddenState(ids, attention);
            for (int i = 0; i < count; i++) {
                rows[start + i] = flatten(hidden[i], attention[i]);
            }
        }
        return rows;
    }

    /** Frees the encoder. */
    @Override
    public void close() {
        encoder.close();
    }

    /** Padded ids and the number of them that are not padding ({@code </s>} included). */
    private record Tokens(long[] ids, int count) {
    }

    private Tokens tokenize(String text) {
        int[] pieces = tokenizer.encode(text);
        int kept = Math.min(pieces.length, MAX_LENGTH - 1);
        long[] ids = new long[MAX_LENGTH];
        for (int i = 0; i < kept; i++) {
            ids[i] = pieces[i];
        }
        ids[kept] = tokenizer.eosId();
        Arrays.fill(ids, kept + 1, MAX_LENGTH, tokenizer.padId());
        return new Tokens(ids, kept + 1);
    }

    private float[] flatten(float[][] hidden, long[] attention) {
        int d = encoder.config().dModel();
        float[] row = new float[width()];
        for (int t = 0; t < MAX_LENGTH; t++) {
            if (!mask || attention[t] == 1) {
                System.arraycopy(hidden[t], 0, row, t * d, d);
            }
        }
        return row;
    }
}
