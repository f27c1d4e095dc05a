package org.glamibench.sentencepiece;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.glamibench.python.PythonScripts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SentencePieceModel#read} on files it must refuse, each with a message that starts with the file: models
 * that {@code make_sentencepiece_models.py} trains (cut short, or of type BPE), other files, and small models
 * written here in the protobuf wire format with one flaw each.
 */
class SentencePieceModelErrorTest {
    @TempDir
    static Path trained;
    @TempDir
    Path folder;

    @BeforeAll
    static void makeModels() {
        PythonScripts.run("make_sentencepiece_models.py", trained.toString());
    }

    @Test
    void refusesATruncatedModel() throws IOException {
        byte[] model = Files.readAllBytes(trained.resolve("nfkc.model"));
        Path file = write("truncated.model", Arrays.copyOf(model, model.length / 2));

        assertThatThrownBy(() -> SentencePieceModel.read(file)).isInstanceOf(SentencePieceException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("remain (truncated file?)")
                .hasMessageEndingWith("(not a SentencePiece model file, or a truncated one)");
    }

    @Test
    void refusesAModelCutAfterItsPieces() {
        Path file = write("pieces-only.model", concat(piece("<unk>", 0, 2), piece("a", -1, 1)));

        assertThatThrownBy(() -> SentencePieceModel.read(file)).isInstanceOf(SentencePieceException.class)
                .hasMessageStartingWith(file + ": ModelProto: no trainer_spec, which every model has");
    }

    @Test
    void refusesATextFile() {
        Path file = write("notes.txt", "item_id,name\n1,dress\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> SentencePieceModel.read(file)).isInstanceOf(SentencePieceException.class)
                .hasMessageStartingWith(file + ": ModelProto: ")
                .hasMessageEndingWith("(not a SentencePiece model file, or a truncated one)");
    }

    @Test
    void refusesAnEmptyFile() {
        Path file = write("empty.model", new byte[0]);

        assertThatThrownBy(() -> SentencePieceModel.read(file)).isInstanceOf(SentencePieceException.class)
                .hasMessageStartingWith(file + ": ModelProto: no pieces, which every model has");
    }

    @Test
    void refusesAMissingFile() {
        Path file = folder.resolve("absent.model");

        assertThatThrownBy(() -> SentencePieceModel.read(file)).isInstanceOf(SentencePieceException.class)
                .hasMessageStartingWith(file + ": cannot read: ");
    }

    @Test
    void refusesABpeModel() {
        Path file = trained.resolve("bpe.model");

        assertThatThrownBy(() -> SentencePieceModel.read(file)).isInstanceOf(SentencePieceException.class)
                .hasMessage(file + ": BPE models are not supported (only UNIGRAM is)");
    }

    @Test
    void refusesAModelWithoutAnUnknownPiece() {
        Path file = write("no-unk.model", model(concat(piece("a", -1, 1), piece("b", -2, 1)), new byte[0]));

        assertThatThrownBy(() -> SentencePieceModel.read(file)).isInstanceOf(SentencePieceException.class)
                .hasMessage(file + ": no piece has type UNKNOWN");
    }

    @Test
    void refusesARepeatedPiece() {
        Path file = write("repeated.model", model(concat(piece("<unk>", 0, 2), piece("a", -1, 1),
                piece("a", -2, 1)), new byte[0]));

        assertThatThrownBy(() -> SentencePieceModel.read(file)).isInstanceOf(SentencePieceException.class)
                .hasMessage(file + ": pieces[2] \"a\" repeats pieces[1]");
    }

    @Test
    void refusesAnUnknownPieceType() {
        Path file = write("type.model", model(concat(piece("<unk>", 0, 2), piece("a", -1, 9)), new byte[0]));

        assertThatThrownBy(() -> SentencePieceModel.read(file)).isInstanceOf(SentencePieceException.class)
                .hasMessageStartingWith(file + ": ModelProto.pieces[1]: type 9 is not a known piece type");
    }

    @Test
    void refusesAWordModel() {
        Path file = write("word.model", model(piece("<unk>", 0, 2), varintField(3, 3)));

        assertThatThrownBy(() -> SentencePieceModel.read(file)).isInstanceOf(SentencePieceException.class)
                .hasMessage(file + ": WORD models are not supported (only UNIGRAM is)");
    }

    @Test
    void refusesASpecialIdOutsideTheVocabulary() {
        Path file = write("eos.model", model(piece("<unk>", 0, 2),
                concat(varintField(40, 0), varintField(41, -1), varintField(42, 5))));

        assertThatThrownBy(() -> SentencePieceModel.read(file)).isInstanceOf(SentencePieceException.class)
                .hasMessage(file + ": trainer_spec.eos_id 5 is outside [-1, 1)");
    }

    @Test
    void refusesByteFallbackWithoutBytePieces() {
        Path file = write("bytes.model", model(concat(piece("<unk>", 0, 2), piece("a", -1, 1)),
                concat(varintField(40, 0), varintField(41, -1), varintField(42, -1), varintField(35, 1))));

        assertThatThrownBy(() -> SentencePieceModel.read(file)).isInstanceOf(SentencePieceException.class)
                .hasMessage(file + ": trainer_spec.byte_fallback is set but there is no BYTE piece <0x00>");
    }

    @Test
    void readsAHandWrittenModelWithDisabledSpecialIds() {
        Path file = write("tiny.model", model(concat(piece("<unk>", 0, 2), piece("\u2581a", -1, 1),
                piece("b", -2, 1), piece("\u2581", -3, 1)),
                concat(varintField(40, 0), varintField(41, -1), varintField(42, -1))));

        SentencePieceModel model = SentencePieceModel.read(file);

        assertThat(model.pieceCount()).isEqualTo(4);
        assertThat(new int[] {model.unknownId(), model.bosId(), model.eosId(), model.padId()})
                .containsExactly(0, -1, -1, -1);
        assertThat(model.encode("  ab  b c\u00e7 ")).containsExactly(1, 2, 3, 2, 3, 0);
    }

    private Path write(String name, byte[] content) {
        try {
            return Files.write(folder.resolve(name), content);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A ModelProto of these serialized pieces, a trainer spec of these fields and an empty normalizer spec. */
    private static byte[] model(byte[] pieces, byte[] trainerFields) {
        return concat(pieces, lengthField(2, trainerFields), lengthField(3, new byte[0]));
    }

    /** A serialized {@code pieces} entry (field 1) of the ModelProto. */
    private static byte[] piece(String text, float score, int type) {
        int bits = Float.floatToIntBits(score);
        byte[] scoreField = {0x15, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24)};
        return lengthField(1, concat(lengthField(1, text.getBytes(StandardCharsets.UTF_8)), scoreField,
                varintField(3, type)));
    }

    private static byte[] lengthField(int field, byte[] value) {
        return concat(varint(field << 3 | 2), varint(value.length), value);
    }

    private static byte[] varintField(int field, long value) {
        return concat(varint(field << 3), varint(value));
    }

    private static byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
