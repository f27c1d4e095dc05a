package org.glamibench.mt5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mt5ConfigTest {
    /** google/mt5-small's config.json, as far as the encoder reads it. */
    private static final String MT5_SMALL = """
            {"vocab_size": 250112, "d_model": 512, "d_kv": 64, "d_ff": 1024, "num_layers": 8,
             "num_decoder_layers": 8, "num_heads": 6, "relative_attention_num_buckets": 32,
             "relative_attention_max_distance": 128, "layer_norm_epsilon": 1e-06,
             "feed_forward_proj": "gated-gelu", "model_type": "mt5", "tie_word_embeddings": false}
            """;

    @TempDir
    Path dir;

    @Test
    void readsMt5Small() throws IOException {
        Mt5Config config = Mt5Config.read(write(MT5_SMALL));

        assertThat(config).isEqualTo(new Mt5Config(250112, 512, 64, 1024, 8, 6, 32, 128, 1e-6, "gated-gelu"));
        assertThat(config.innerDim()).isEqualTo(384);
    }

    @Test
    void maxDistanceDefaultsTo128() throws IOException {
        Mt5Config config = Mt5Config.read(write(MT5_SMALL.replace("\"relative_attention_max_distance\": 128,", "")));

        assertThat(config.maxDistance()).isEqualTo(128);
    }

    @Test
    void refusesAMissingKeyNamingFileAndKey() throws IOException {
        Path file = write(MT5_SMALL.replace("\"d_kv\": 64,", ""));

        assertThatThrownBy(() -> Mt5Config.read(file)).isInstanceOf(Mt5ModelException.class)
                .hasMessage(file + ": key d_kv is missing");
    }

    @Test
    void refusesAnotherFeedForward() throws IOException {
        Path file = write(MT5_SMALL.replace("gated-gelu", "relu"));

        assertThatThrownBy(() -> Mt5Config.read(file)).isInstanceOf(Mt5ModelException.class)
                .hasMessage(file + ": feed_forward_proj is \"relu\"; only \"gated-gelu\" (mT5, T5 v1.1) is supported");
    }

    @Test
    void refusesAMissingFeedForward() throws IOException {
        Path file = write(MT5_SMALL.replace("\"feed_forward_proj\": \"gated-gelu\",", ""));

        assertThatThrownBy(() -> Mt5Config.read(file)).hasMessage(file + ": key feed_forward_proj is missing");
    }

    @Test
    void refusesANonIntegerSize() throws IOException {
        Path file = write(MT5_SMALL.replace("\"num_heads\": 6", "\"num_heads\": 6.5"));

        assertThatThrownBy(() -> Mt5Config.read(file)).isInstanceOf(Mt5ModelException.class)
                .hasMessage(file + ": num_heads must be a positive integer, found 6.5");
    }

    @Test
    void refusesAZeroSize() throws IOException {
        Path file = write(MT5_SMALL.replace("\"d_model\": 512", "\"d_model\": 0"));

        assertThatThrownBy(() -> Mt5Config.read(file))
                .hasMessage(file + ": d_model must be a positive integer, found 0");
    }

    @Test
    void refusesAMissingEpsilon() throws IOException {
        Path file = write(MT5_SMALL.replace("\"layer_norm_epsilon\": 1e-06,", ""));

        assertThatThrownBy(() -> Mt5Config.read(file)).isInstanceOf(Mt5ModelException.class)
                .hasMessage(file + ": layer_norm_epsilon must be a positive number, found null");
    }

    @Test
    void refusesTooFewBuckets() throws IOException {
        Path file = write(MT5_SMALL.replace("\"relative_attention_num_buckets\": 32,",
                "\"relative_attention_num_buckets\": 2,"));

        assertThatThrownBy(() -> Mt5Config.read(file)).isInstanceOf(Mt5ModelException.class)
                .hasMessageStartingWith(file + ": relative_attention_num_buckets is 2");
    }

    @Test
    void refusesBrokenJson() throws IOException {
        Path file = write("{\"d_model\": ");

        assertThatThrownBy(() -> Mt5Config.read(file)).isInstanceOf(Mt5ModelException.class)
                .hasMessageStartingWith(file + ": not valid JSON");
    }

    @Test
    void refusesAMissingFile() {
        Path file = dir.resolve("absent.json");

        assertThatThrownBy(() -> Mt5Config.read(file)).isInstanceOf(Mt5ModelException.class)
                .hasMessageStartingWith(file + ": cannot be read");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("config.json"), json);
    }
}
