package org.glamibench.sentencepiece;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.glamibench.python.PythonScripts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SentencePieceModel} against Python's sentencepiece 0.1.97 on models that
 * {@code make_sentencepiece_models.py} trains at test time (nmt_nfkc with mT5's special ids, nmt_nfkc_cf,
 * identity with byte fallback and extra whitespace kept, user-defined and control symbols with whitespace as
 * suffix): the same vocabulary and special ids, and exactly the same ids for every one of some 265 texts in the 13
 * GLAMI-1M languages and hard cases (spaces, NBSP, full-width letters, ligatures, combining accents, emoji, unseen
 * scripts, literal {@code </s>}, a 2,000-character text).
 */
class SentencePieceParityTest {
    @TempDir
    static Path models;
    private static JsonNode expected;

    @BeforeAll
    static void makeModels() throws IOException {
        PythonScripts.run("make_sentencepiece_models.py", models.toString());
        expected = new ObjectMapper().readTree(models.resolve("expected.json").toFile()).get("models");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nfkc", "nfkc_cf", "identity", "user_defined"})
    void vocabularyAndSpecialIdsAreSentencepieces(String name) {
        JsonNode reference = expected.get(name);
        SentencePieceModel model = SentencePieceModel.read(models.resolve(reference.get("file").asText()));

        assertThat(model.pieceCount()).isEqualTo(reference.get("piece_count").asInt());
        assertThat(model.unknownId()).isEqualTo(reference.get("unk_id").asInt());
        assertThat(model.bosId()).isEqualTo(reference.get("bos_id").asInt());
        assertThat(model.eosId()).isEqualTo(reference.get("eos_id").asInt());
        assertThat(model.padId()).isEqualTo(reference.get("pad_id").asInt());
        JsonNode pieces = reference.get("pieces");
        for (int id = 0; id < pieces.size(); id++) {
            assertThat(model.piece(id)).as("piece %d", id).isEqualTo(pieces.get(id).asText());
            assertThat(model.pieceId(pieces.get(id).asText())).as("id of %s", pieces.get(id)).isEqualTo(id);
        }
        assertThat(model.pieceId("no such piece")).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nfkc", "nfkc_cf", "identity", "user_defined"})
    void encodesEveryTextToSentencepiecesIds(String name) {
        JsonNode reference = expected.get(name);
        SentencePieceModel model = SentencePieceModel.read(models.resolve(reference.get("file").asText()));
        JsonNode cases = reference.get("cases");
        List<String> mismatches = new ArrayList<>();
        for (JsonNode testCase : cases) {
            String text = testCase.get("text").asText();
            int[] ids = new int[testCase.get("ids").size()];
            Arrays.setAll(ids, i -> testCase.get("ids").get(i).asInt());
            int[] actual = model.encode(text);
            if (!Arrays.equals(actual, ids)) {
                mismatches.add(escaped(text) + ": expected " + Arrays.toString(ids) + ", got "
                        + Arrays.toString(actual));
            }
        }

        assertThat(cases.size()).isGreaterThan(250);
        assertThat(mismatches).isEmpty();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? Character.toString(c)
                : String.format("\\u{%x}", c)));
        return out.append('"').toString();
    }
}
