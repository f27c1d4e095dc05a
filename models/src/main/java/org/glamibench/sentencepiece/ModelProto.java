package org.glamibench.sentencepiece;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of sentencepiece's {@code ModelProto} (sentencepiece_model.proto, proto2) that encoding needs, read
 * from the wire format with the proto's defaults for absent fields; unknown fields are skipped. The pieces, the
 * trainer spec and the normalizer spec must be present, as in every model the trainer writes (so that a file cut
 * at a field boundary is not taken for a model).
 *
 * @param pieces     the vocabulary, in id order
 * @param trainer    the settings of {@code trainer_spec} (field 2)
 * @param normalizer the settings of {@code normalizer_spec} (field 3)
 */
record ModelProto(List<Piece> pieces, TrainerSpec trainer, NormalizerSpec normalizer) {

    /** The model types of {@code TrainerSpec.ModelType}, by their wire value minus one. */
    private static final String[] MODEL_TYPES = {"UNIGRAM", "BPE", "WORD", "CHAR"};

    /** A piece type of {@code ModelProto.SentencePiece.Type}. */
    enum PieceType {
        NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE;

        /** The type of wire value {@code value} (1 to 6), or null for another value. */
        static PieceType ofWireValue(int value) {
            PieceType[] types = values();
            return value >= 1 && value <= types.length ? types[value - 1] : null;
        }
    }

    /** One vocabulary entry: {@code piece} (field 1), {@code score} (2) and {@code type} (3, default NORMAL). */
    record Piece(String text, float score, PieceType type) {
    }

    /**
     * The {@code TrainerSpec} fields that encoding needs.
     *
     * @param modelType               {@code model_type} (3): "UNIGRAM", "BPE", "WORD" or "CHAR"
     * @param byteFallback            {@code byte_fallback} (35)
     * @param treatWhitespaceAsSuffix {@code treat_whitespace_as_suffix} (24)
     */
    record TrainerSpec(String modelType, boolean byteFallback, boolean treatWhitespaceAsSuffix,
                       int unkId, int bosId, int eosId, int padId) {
    }

    /**
     * The {@code NormalizerSpec} fields that encoding needs.
     *
     * @param precompiledCharsmap {@code precompiled_charsmap} (2); empty when absent
     */
    record NormalizerSpec(String name, byte[] precompiledCharsmap, boolean addDummyPrefix,
                          boolean removeExtraWhitespaces, boolean escapeWhitespaces) {
    }

    /**
     * Parses a serialized {@code ModelProto}.
     *
     * @param file names the file in messages
     * @throws SentencePieceException when the bytes are not a well-formed message of this shape or lack one of
     *                                its three parts
     */
    static ModelProto parse(byte[] data, String file) {
        WireReader reader = new WireReader(data, 0, data.length, file, "ModelProto");
        List<Piece> pieces = new ArrayList<>();
        TrainerSpec trainer = new TrainerSpec("UNIGRAM", false, false, 0, 1, 2, -1);
        NormalizerSpec normalizer = new NormalizerSpec("", new byte[0], true, true, true);
        boolean hasTrainer = false;
        boolean hasNormalizer = false;
        for (int field = reader.nextField(); field != 0; field = reader.nextField()) {
            switch (field) {
                case 1 -> pieces.add(parsePiece(reader.readMessage(1, "pieces[" + pieces.size() + "]")));
                case 2 -> {
                    trainer = parseTrainer(reader.readMessage(2, "trainer_spec"), trainer);
                    hasTrainer = true;
                }
                case 3 -> {
                    normalizer = parseNormalizer(reader.readMessage(3, "normalizer_spec"), normalizer);
                    hasNormalizer = true;
                }
                default -> reader.skip(field);
            }
        }
        if (pieces.isEmpty() || !hasTrainer || !hasNormalizer) {
            throw reader.error("no " + (pieces.isEmpty() ? "pieces" : !hasTrainer ? "trainer_spec" : "normalizer_spec")
                    + ", which every model has");
        }
        return new ModelProto(List.copyOf(pieces), trainer, normalizer);
    }

    private static Piece parsePiece(WireReader reader) {
        String text = null;
        float score = 0;
        PieceType type = PieceType.NORMAL;
        for (int field = reader.nextField(); field != 0; field = reader.nextField()) {
            switch (field) {
                case 1 -> text = reader.readString(1);
                case 2 -> score = reader.readFloat(2);
                case 3 -> {
                    int value = reader.readInt(3);
                    type = PieceType.ofWireValue(value);
                    if (type == null) {
                        throw reader.error("type " + value + " is not a known piece type");
                    }
                }
                default -> reader.skip(field);
            }
        }
        if (text == null || text.isEmpty()) {
            throw reader.error("piece is missing or empty");
        }
        return new Piece(text, score, type);
    }

    /** Parses a {@code trainer_spec}; fields it lacks keep their values in {@code merged}, as protobuf merges. */
    private static TrainerSpec parseTrainer(WireReader reader, TrainerSpec merged) {
        String modelType = merged.modelType();
        boolean byteFallback = merged.byteFallback();
        boolean suffix = merged.treatWhitespaceAsSuffix();
        int unk = merged.unkId();
        int bos = merged.bosId();
        int eos = merged.eosId();
        int pad = merged.padId();
        for (int field = reader.nextField(); field != 0; field = reader.nextField()) {
            switch (field) {
                case 3 -> {
                    int value = reader.readInt(3);
                    if (value < 1 || value > MODEL_TYPES.length) {
                        throw reader.error("model_type " + value + " is not a known model type");
                    }
                    modelType = MODEL_TYPES[value - 1];
                }
                case 24 -> suffix = reader.readBool(24);
                case 35 -> byteFallback = reader.readBool(35);
                case 40 -> unk = reader.readInt(40);
                case 41 -> bos = reader.readInt(41);
                case 42 -> eos = reader.readInt(42);
                case 43 -> pad = reader.readInt(43);
                default -> reader.skip(field);
            }
        }
        return new TrainerSpec(modelType, byteFallback, suffix, unk, bos, eos, pad);
    }

    /** Parses a {@code normalizer_spec}; fields it lacks keep their values in {@code merged}, as protobuf merges. */
    private static NormalizerSpec parseNormalizer(WireReader reader, NormalizerSpec merged) {
        String name = merged.name();
        byte[] charsmap = merged.precompiledCharsmap();
        boolean dummyPrefix = merged.addDummyPrefix();
        boolean removeExtra = merged.removeExtraWhitespaces();
        boolean escape = merged.escapeWhitespaces();
        for (int field = reader.nextField(); field != 0; field = reader.nextField()) {
            switch (field) {
                case 1 -> name = reader.readString(1);
                case 2 -> charsmap = reader.readBytes(2);
                case 3 -> dummyPrefix = reader.readBool(3);
                case 4 -> removeExtra = reader.readBool(4);
                case 5 -> escape = reader.readBool(5);
                default -> reader.skip(field);
            }
        }
        return new NormalizerSpec(name, charsmap, dummyPrefix, removeExtra, escape);
    }
}
