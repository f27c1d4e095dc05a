package org.glamibench.mt5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mt5TextFeaturesTest {
    @TempDir
    static Path fixtures;
    private static JsonNode reference;
    private static List<String> texts;

    @BeforeAll
    static void generate() {
        Mt5Reference.generate(fixtures);
        reference = Mt5Reference.json(fixtures.resolve("features.json"));
        texts = new ArrayList<>();
        reference.get("texts").forEach(text -> texts.add(text.asText()));
    }

    @Test
    void tokenIdsAreWhatT5TokenizerGives() {
        // texts: a short one, "", "shirt " (an empty description), one over 32 tokens, one with unknown pieces
        assertThat(texts).contains("", "shirt ");
        try (Mt5TextFeatures features = Mt5TextFeatures.open(fixtures.resolve("model"), Device.cpu(), true)) {
            long[][] expected = Mt5Reference.longs(reference.get("ids"));
            for (int i = 0; i < texts.size(); i++) {
                assertThat(features.tokenIds(texts.get(i))).as("text %d", i).containsExactly(expected[i]);
            }
            assertThat(features.tokenIds("")).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            assertThat(expected[3][31]).as("the long text ends with </s>").isEqualTo(1);
        }
    }

    @Test
    void maskedFeaturesEqualTheReference() {
        assertFeatures(true, "masked");
    }

    @Test
    void unmaskedFeaturesEqualTheReference() {
        assertFeatures(false, "unmasked");
    }

    @Test
    void noTextsNoRows() {
        try (Mt5TextFeatures features = Mt5TextFeatures.open(fixtures.resolve("model"), Device.cpu(), true)) {
            assertThat(features.features(List.of())).isEmpty();
        }
    }

    @Test
    void refusesAFolderWithoutTokenizer(@TempDir Path empty) {
        assertThatThrownBy(() -> Mt5TextFeatures.open(empty, Device.cpu(), true))
                .isInstanceOf(Mt5ModelException.class)
                .hasMessageStartingWith(empty.resolve("spiece.model") + ": missing");
    }

    private static void assertFeatures(boolean mask, String key) {
        try (Mt5TextFeatures features = Mt5TextFeatures.open(fixtures.resolve("model"), Device.cpu(), mask)) {
            assertThat(features.width()).isEqualTo(32 * 32);
            float[][] rows = features.features(texts);
            assertThat(rows.length).isEqualTo(texts.size());
            for (int i = 0; i < rows.length; i++) {
                Mt5Reference.assertClose(rows[i], reference.get(key).get(i), key + " text " + i);
            }
        }
    }
}
