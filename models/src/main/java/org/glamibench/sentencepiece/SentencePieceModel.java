package org.glamibench.sentencepiece;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SentencePiece unigram model (a {@code spiece.model} file, such as google/mt5-small's) that encodes text to
 * the ids Python's {@code SentencePieceProcessor(model_file=...).encode(text)} (sentencepiece 0.1.97) gives:
 * the normalizer of the model's {@code normalizer_spec}, then the best segmentation under the pieces' scores,
 * with runs of unknown characters merged into one unknown id, or spelled as byte pieces when the model has
 * {@code byte_fallback}. Immutable and safe to share between threads.
 */
public final class SentencePieceModel {
    private final String[] pieces;
    private final Map<String, Integer> idsByPiece;
    private final Normalizer normalizer;
    private final UnigramSegmenter segmenter;
    private final boolean[] unknown;
    private final int[] byteIds;
    private final int unknownId;
    private final int eosId;
    private final int padId;
    private final int bosId;

    private SentencePieceModel(ModelProto proto, String file) {
        List<ModelProto.Piece> entries = proto.pieces();
        int count = entries.size();
        pieces = new String[count];
        idsByPiece = new HashMap<>(count * 2);
        unknown = new boolean[count];
        float[] scores = new float[count];
        boolean[] userDefined = new boolean[count];
        boolean[] unused = new boolean[count];
        int[] trieIds = new int[count];
        byte[][] trieKeys = new byte[count][];
        int trieSize = 0;
        int userDefinedCount = 0;
        float minScore = Float.MAX_VALUE;
        float maxScore = Float.MIN_NORMAL;
        int unknownPiece = -1;
        for (int id = 0; id < count; id++) {
            ModelProto.Piece entry = entries.get(id);
            pieces[id] = entry.text();
            scores[id] = entry.score();
            Integer previous = idsByPiece.putIfAbsent(entry.text(), id);
            if (previous != null) {
                throw new SentencePieceException(file + ": pieces[" + id + "] \"" + entry.text()
                        + "\" repeats pieces[" + previous + "]");
            }
            switch (entry.type()) {
                case NORMAL -> {
                    minScore = Math.min(minScore, entry.score());
                    maxScore = Math.max(maxScore, entry.score());
                }
                case USER_DEFINED -> {
                    userDefined[id] = true;
                    userDefinedCount++;
                }
                case UNUSED -> unused[id] = true;
                case UNKNOWN -> {
                    if (unknownPiece >= 0) {
                        throw new SentencePieceException(file + ": pieces[" + id + "] is a second UNKNOWN piece"
                                + " (pieces[" + unknownPiece + "] is the first)");
                    }
                    unknownPiece = id;
                    unknown[id] = true;
                }
                case CONTROL, BYTE -> {
                }
            }
            if (entry.type() == ModelProto.PieceType.NORMAL || userDefined[id] || unused[id]) {
                trieKeys[trieSize] = entry.text().getBytes(StandardCharsets.UTF_8);
                trieIds[trieSize++] = id;
            }
        }
        if (unknownPiece < 0) {
            throw new SentencePieceException(file + ": no piece has type UNKNOWN");
        }
        ModelProto.TrainerSpec trainer = proto.trainer();
        unknownId = checkedId(trainer.unkId(), "unk_id", file);
        bosId = checkedId(trainer.bosId(), "bos_id", file);
        eosId = checkedId(trainer.eosId(), "eos_id", file);
        padId = checkedId(trainer.padId(), "pad_id", file);
        byteIds = trainer.byteFallback() ? byteIds(entries, file) : null;
        PieceTrie trie = new PieceTrie(Arrays.copyOf(trieKeys, trieSize), Arrays.copyOf(trieIds, trieSize));
        segmenter = new UnigramSegmenter(trie, scores, userDefined, unused, unknownPiece, minScore, maxScore);
        normalizer = newNormalizer(proto, userDefinedSymbols(entries, userDefinedCount), file);
    }

    /**
     * Reads a model file.
     *
     * @throws SentencePieceException with a message starting with the file when it cannot be read, is not a
     *                                well-formed {@code ModelProto} (a truncated file, another kind of file), is
     *                                not a unigram model ("BPE models are not supported"), or is inconsistent
     *                                (no unknown piece, repeated pieces, missing byte pieces, ids out of range)
     */
    public static SentencePieceModel read(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SentencePieceException(file + ": cannot read: " + e, e);
        }
        ModelProto proto;
        try {
            proto = ModelProto.parse(data, file.toString());
        } catch (SentencePieceException e) {
            throw new SentencePieceException(e.getMessage() + " (not a SentencePiece model file, or a truncated one)",
                    e);
        }
        String type = proto.trainer().modelType();
        if (!type.equals("UNIGRAM")) {
            throw new SentencePieceException(file + ": " + type + " models are not supported (only UNIGRAM is)");
        }
        return new SentencePieceModel(proto, file.toString());
    }

    /**
     * The ids of {@code text}, as Python's {@code SentencePieceProcessor.encode(text)} gives them (no BOS or EOS
     * added); empty for empty text or text of only spaces.
     *
     * @throws IllegalArgumentException when {@code text} has an unpaired surrogate (not encodable as UTF-8)
     */
    public int[] encode(String text) {
        byte[] normalized = normalizer.normalize(utf8(text));
        UnigramSegmenter.Segmentation segmentation = segmenter.segment(normalized);
        int[] ends = segmentation.ends();
        int[] ids = segmentation.ids();
        int[] result = new int[normalized.length];
        int size = 0;
        boolean previousUnknown = false;
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            boolean isUnknown = unknown[id];
            if (isUnknown && byteIds != null) {
                for (int b = i == 0 ? 0 : ends[i - 1]; b < ends[i]; b++) {
                    result[size++] = byteIds[normalized[b] & 0xFF];
                }
            } else if (!(isUnknown && previousUnknown)) {
                result[size++] = id;
            }
            previousUnknown = isUnknown;
        }
        return Arrays.copyOf(result, size);
    }

    /** The number of pieces (the vocabulary size). */
    public int pieceCount() {
        return pieces.length;
    }

    /**
     * The piece of {@code id}.
     *
     * @throws IndexOutOfBoundsException when {@code id} is outside {@code [0, pieceCount())}
     */
    public String piece(int id) {
        return pieces[id];
    }

    /** The id of {@code piece} (any type: normal, control, unknown...), or -1 when the model has no such piece. */
    public int pieceId(String piece) {
        return idsByPiece.getOrDefault(piece, -1);
    }

    /** The id of the unknown piece, {@code trainer_spec.unk_id}. */
    public int unknownId() {
        return unknownId;
    }

    /** The id of the end-of-sentence piece, {@code trainer_spec.eos_id}; -1 when disabled. */
    public int eosId() {
        return eosId;
    }

    /** The id of the padding piece, {@code trainer_spec.pad_id}; -1 when disabled. */
    public int padId() {
        return padId;
    }

    /** The id of the beginning-of-sentence piece, {@code trainer_spec.bos_id}; -1 when disabled. */
    public int bosId() {
        return bosId;
    }

    private int checkedId(int id, String field, String file) {
        if (id < -1 || id >= pieces.length) {
            throw new SentencePieceException(file + ": trainer_spec." + field + " " + id + " is outside [-1, "
                    + pieces.length + ")");
        }
        return id;
    }

    /** The ids of the byte pieces {@code <0x00>} to {@code <0xFF>}, by byte. */
    private int[] byteIds(List<ModelProto.Piece> entries, String file) {
        int[] ids = new int[256];
        for (int b = 0; b < 256; b++) {
            String name = String.format(Locale.ROOT, "<0x%02X>", b);
            Integer id = idsByPiece.get(name);
            if (id == null || entries.get(id).type() != ModelProto.PieceType.BYTE) {
                throw new SentencePieceException(file + ": trainer_spec.byte_fallback is set but there is no BYTE"
                        + " piece " + name);
            }
            ids[b] = id;
        }
        return ids;
    }

    private static PieceTrie userDefinedSymbols(List<ModelProto.Piece> entries, int count) {
        if (count == 0) {
            return null;
        }
        byte[][] keys = new byte[count][];
        int[] ids = new int[count];
        int size = 0;
        for (int id = 0; id < entries.size(); id++) {
            if (entries.get(id).type() == ModelProto.PieceType.USER_DEFINED) {
                keys[size] = entries.get(id).text().getBytes(StandardCharsets.UTF_8);
                ids[size++] = id;
            }
        }
        return new PieceTrie(keys, ids);
    }

    private static Normalizer newNormalizer(ModelProto proto, PieceTrie userDefinedSymbols, String file) {
        ModelProto.NormalizerSpec spec = proto.normalizer();
        byte[] charsmap = spec.precompiledCharsmap();
        return new Normalizer(charsmap.length == 0 ? null : PrecompiledCharsMap.decode(charsmap, file),
                userDefinedSymbols, spec.addDummyPrefix(), spec.removeExtraWhitespaces(), spec.escapeWhitespaces(),
                proto.trainer().treatWhitespaceAsSuffix());
    }

    private static byte[] utf8(String text) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] encoded = new byte[bytes.remaining()];
            bytes.get(encoded);
            return encoded;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text has an unpaired surrogate, which UTF-8 cannot encode", e);
        }
    }
}
