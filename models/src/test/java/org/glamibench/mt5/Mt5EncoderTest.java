package org.glamibench.mt5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glamibench.torch.TorchFileException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Mt5EncoderTest {
    @TempDir
    static Path fixtures;
    private static Mt5Encoder encoder;

    @BeforeAll
    static void loadTheSmallEncoder() {
        Mt5Reference.generate(fixtures);
        encoder = Mt5Encoder.load(fixtures.resolve("model"), Device.cpu());
    }

    @AfterAll
    static void closeTheEncoder() {
        encoder.close();
    }

    @Test
    void readsTheConfig() {
        assertThat(encoder.config()).isEqualTo(new Mt5Config(300, 32, 6, 64, 3, 4, 32, 128, 1e-6, "gated-gelu"));
    }

    @Test
    void lastHiddenStateEqualsTheTorchReferencePaddedPositionsIncluded() {
        // batches: lengths 1, 7, 20, 32 padded to 32; 32; 1; 160 and 90 padded to 160 (distances past 128);
        // 0 and 3 padded to 5 (a row with no token at all)
        JsonNode cases = Mt5Reference.json(fixtures.resolve("hidden.json")).get("cases");
        assertThat(cases).hasSize(5);
        for (int c = 0; c < cases.size(); c++) {
            JsonNode expected = cases.get(c).get("hidden");
            float[][][] hidden = encoder.lastHiddenState(Mt5Reference.longs(cases.get(c).get("ids")),
                    Mt5Reference.longs(cases.get(c).get("mask")));
            assertThat(hidden.length).as("case %d batch", c).isEqualTo(expected.size());
            for (int b = 0; b < hidden.length; b++) {
                assertThat(hidden[b].length).as("case %d row %d length", c, b).isEqualTo(expected.get(b).size());
                for (int t = 0; t < hidden[b].length; t++) {
                    Mt5Reference.assertClose(hidden[b][t], expected.get(b).get(t),
                            "case " + c + " [" + b + "][" + t + "]");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing-key", "wrong-shape", "unexpected-key"})
    void refusesABrokenWeightsFileNamingFileAndKey(String broken) {
        Path dir = fixtures.resolve(broken);
        String key = Mt5Reference.json(dir.resolve("broken.json")).get("key").asText();

        assertThatThrownBy(() -> Mt5Encoder.load(dir, Device.cpu())).isInstanceOf(TorchFileException.class)
                .hasMessageStartingWith(dir.resolve("pytorch_model.bin") + ": ").hasMessageContaining(key);
    }

    @Test
    void refusesAFolderWithoutWeights(@TempDir Path empty) throws IOException {
        Files.copy(fixtures.resolve("model/config.json"), empty.resolve("config.json"));

        assertThatThrownBy(() -> Mt5Encoder.load(empty, Device.cpu())).isInstanceOf(Mt5ModelException.class)
                .hasMessageStartingWith(empty.resolve("pytorch_model.bin") + ": missing");
    }

    @Test
    void refusesWeightsOfAnotherConfig(@TempDir Path dir) throws IOException {
        Files.copy(fixtures.resolve("model/pytorch_model.bin"), dir.resolve("pytorch_model.bin"));
        Files.writeString(dir.resolve("config.json"), Files.readString(fixtures.resolve("model/config.json"))
                .replace("\"d_ff\": 64", "\"d_ff\": 48"));

        assertThatThrownBy(() -> Mt5Encoder.load(dir, Device.cpu())).isInstanceOf(TorchFileException.class)
                .hasMessageContaining("encoder.block.0.layer.1.DenseReluDense.wi_0.weight");
    }

    @Test
    void refusesRaggedRows() {
        long[][] ids = {{5, 6}, {7}};
        long[][] mask = {{1, 1}, {1}};

        assertThatThrownBy(() -> encoder.lastHiddenState(ids, mask)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 has 1 ids and 1 mask values; row 0 has 2 ids");
    }

    @Test
    void refusesAnIdOutsideTheVocabulary() {
        assertThatThrownBy(() -> encoder.lastHiddenState(new long[][] {{5, 300}}, new long[][] {{1, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("id 300 at [0][1] is outside [0, 300)");
    }

    @Test
    void refusesAMaskValueOtherThanZeroOrOne() {
        assertThatThrownBy(() -> encoder.lastHiddenState(new long[][] {{5, 6}}, new long[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attention mask 2 at [0][1] is neither 0 nor 1");
    }
}
