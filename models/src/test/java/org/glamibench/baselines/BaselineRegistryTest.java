package org.glamibench.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.exported.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineRegistryTest {
    @TempDir
    Path temp;

    @Test
    void theBuiltInRegistryListsThePublishedCheckpointAndItsPinnedTextModel() {
        BaselineRegistry registry = BaselineRegistry.builtIn();

        Baseline embracenet = registry.get("glami-embracenet").orElseThrow();
        assertThat(registry.get("embracenet-image-text")).contains(embracenet);
        assertThat(embracenet.kind()).isEqualTo(Baseline.Kind.GLAMI_EMBRACENET);
        assertThat(embracenet.url()).isEqualTo(URI.create(
                "https://zenodo.org/record/7353512/files/embracenet_1_final.pt?download=1"));
        assertThat(embracenet.fileName()).isEqualTo("embracenet_1_final.pt");
        assertThat(embracenet.size()).isEqualTo(Baseline.UNKNOWN_SIZE);
        assertThat(embracenet.sha256()).isNull();
        assertThat(embracenet.modality()).isEqualTo(Modality.IMAGE_TEXT);
        Baseline.TextModel text = embracenet.textModel();
        assertThat(text.name()).isEqualTo("google/mt5-small");
        assertThat(text.revision()).isEqualTo("73fb5dbe4756edadc8fbe8c769b0a109493acf7a");
        assertThat(text.files()).extracting(Baseline.File::fileName)
                .containsExactly("config.json", "spiece.model", "pytorch_model.bin");
        assertThat(text.files()).allSatisfy(file -> assertThat(file.url().toString()).isEqualTo(
                "https://huggingface.co/google/mt5-small/resolve/73fb5dbe4756edadc8fbe8c769b0a109493acf7a/"
                        + file.fileName()));
    }

    @Test
    void aliasesAndTextModelsAreChecked() throws IOException {
        String glami = "{\"name\": \"g\", \"aliases\": [\"old\"], \"kind\": \"glami-embracenet\","
                + " \"url\": \"https://example.org/g.pt\", \"file\": \"g.pt\", \"size\": \"unknown\","
                + " \"sha256\": \"unknown\"";
        Path file = RegistryFiles.write(temp, "{\"format\": \"glami-bench-baselines/1\", \"baselines\": [" + glami + "}]}");
        assertThatThrownBy(() -> BaselineRegistry.read(file)).hasMessage(file
                + ": baselines[0].text_model: missing (a glami-embracenet names the text encoder of its features)");
        String textModel = ", \"text_model\": {\"name\": \"m\", \"revision\": \"r\", \"files\": [{\"file\":"
                + " \"config.json\", \"url\": \"https://example.org/c.json\", \"size\": 5, \"sha256\": \"unknown\"}]}";
        RegistryFiles.write(temp, "{\"format\": \"glami-bench-baselines/1\", \"baselines\": [" + glami + textModel + "}, "
                + RegistryFiles.TINY.replace("\"tiny\"", "\"old\"") + "]}");
        assertThatThrownBy(() -> BaselineRegistry.read(file)).hasMessage(file
                + ": baselines[1].name: \"old\" is listed twice");
        RegistryFiles.write(temp, "{\"format\": \"glami-bench-baselines/1\", \"baselines\": [" + glami + textModel + "}]}");
        Baseline read = BaselineRegistry.read(file).get("old").orElseThrow();
        assertThat(read.name()).isEqualTo("g");
        assertThat(read.textModel().files()).containsExactly(new Baseline.File("config.json",
                URI.create("https://example.org/c.json"), 5, null));
    }

    @Test
    void wrongRegistriesAreClearErrors() throws IOException {
        Path file = RegistryFiles.write(temp, "{\"format\": \"glami-bench-baselines/1\", \"baselines\": [" + RegistryFiles.TINY.replace("\"size\": 10",
                "\"size\": \"big\"") + "]}");
        assertThatThrownBy(() -> BaselineRegistry.read(file)).isInstanceOf(SpecException.class)
                .hasMessage(file + ": baselines[0].size: must be a number of bytes or \"unknown\", got \"big\"");
        RegistryFiles.write(temp, "{\"format\": \"glami-bench-baselines/1\", \"baselines\": [" + RegistryFiles.TINY + ", " + RegistryFiles.TINY + "]}");
        assertThatThrownBy(() -> BaselineRegistry.read(file)).hasMessage(file + ": baselines[1].name: \"tiny\" is listed twice");
        RegistryFiles.write(temp, "{\"format\": \"glami-bench-baselines/1\", \"baselines\": [" + RegistryFiles.TINY.replace("model-zip", "keras") + "]}");
        assertThatThrownBy(() -> BaselineRegistry.read(file)).hasMessage(file
                + ": baselines[0].kind: must be model-zip, glami-embracenet or pytorch-pickle, got \"keras\"");
        RegistryFiles.write(temp, "{\"format\": \"glami-bench-baselines/1\", \"baselines\": [" + RegistryFiles.TINY.replace("https://", "ftp://") + "]}");
        assertThatThrownBy(() -> BaselineRegistry.read(file)).hasMessageContaining("baselines[0].url: must be an http or https URL");
        RegistryFiles.write(temp, "{\"format\": \"glami-bench-baselines/1\", \"baseline\": []}");
        assertThatThrownBy(() -> BaselineRegistry.read(file)).hasMessage(file
                + ": baseline: unknown key; known keys here: format, baselines");
    }
}
