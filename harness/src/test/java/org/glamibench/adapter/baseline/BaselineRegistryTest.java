package org.glamibench.adapter.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.exported.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineRegistryTest {
    private static final String ENTRY = "{\"name\": \"tiny\", \"kind\": \"model-zip\", \"modality\": \"TEXT\","
            + " \"url\": \"https://example.org/tiny.zip\", \"file\": \"tiny.zip\", \"size\": 10, \"sha256\": \""
            + "ab".repeat(32) + "\"}";

    @TempDir
    Path temp;

    @Test
    void theBuiltInRegistryListsThePublishedCheckpointAsAnUnrunnablePickle() {
        BaselineRegistry registry = BaselineRegistry.builtIn();

        Baseline embracenet = registry.get("embracenet-image-text").orElseThrow();
        assertThat(embracenet.kind()).isEqualTo(Baseline.Kind.PYTORCH_PICKLE);
        assertThat(embracenet.url()).isEqualTo(URI.create(
                "https://zenodo.org/record/7353512/files/embracenet_1_final.pt?download=1"));
        assertThat(embracenet.fileName()).isEqualTo("embracenet_1_final.pt");
        assertThat(embracenet.size()).isEqualTo(Baseline.UNKNOWN_SIZE);
        assertThat(embracenet.sha256()).isNull();
        assertThat(embracenet.modality()).isEqualTo(Modality.IMAGE_TEXT);
        assertThatThrownBy(() -> new BaselineAdapter().descriptor(Map.of("name", "embracenet-image-text")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a PyTorch pickle, written by torch.save")
                .hasMessageContaining("Its size and SHA-256 are not known to this registry either.");
    }

    @Test
    void aRegistryFileNamesRunnableBaselines() throws IOException {
        Path file = write("{\"format\": \"glami-bench-baselines/1\", \"baselines\": [" + ENTRY + "]}");

        AdapterDescriptor descriptor = new BaselineAdapter().descriptor(Map.of("name", "tiny", "registry", file.toString()));

        assertThat(descriptor.name()).isEqualTo("baseline:tiny");
        assertThat(descriptor.version()).isEqualTo("sha256:abababababab");
        assertThat(descriptor.modality()).isEqualTo(Modality.TEXT);
        assertThat(descriptor.weightsSha256()).isEqualTo("ab".repeat(32));
    }

    @Test
    void wrongRegistriesAreClearErrors() throws IOException {
        Path file = write("{\"format\": \"glami-bench-baselines/1\", \"baselines\": [" + ENTRY.replace("\"size\": 10",
                "\"size\": \"big\"") + "]}");
        assertThatThrownBy(() -> BaselineRegistry.read(file)).isInstanceOf(SpecException.class)
                .hasMessage(file + ": baselines[0].size: must be a number of bytes or \"unknown\", got \"big\"");
        write("{\"format\": \"glami-bench-baselines/1\", \"baselines\": [" + ENTRY + ", " + ENTRY + "]}");
        assertThatThrownBy(() -> BaselineRegistry.read(file)).hasMessage(file + ": baselines[1].name: \"tiny\" is listed twice");
        write("{\"format\": \"glami-bench-baselines/1\", \"baselines\": [" + ENTRY.replace("model-zip", "keras") + "]}");
        assertThatThrownBy(() -> BaselineRegistry.read(file)).hasMessage(file
                + ": baselines[0].kind: must be model-zip or pytorch-pickle, got \"keras\"");
        write("{\"format\": \"glami-bench-baselines/1\", \"baselines\": [" + ENTRY.replace("https://", "ftp://") + "]}");
        assertThatThrownBy(() -> BaselineRegistry.read(file)).hasMessageContaining("baselines[0].url: must be an http or https URL");
        write("{\"format\": \"glami-bench-baselines/1\", \"baseline\": []}");
        assertThatThrownBy(() -> BaselineRegistry.read(file)).hasMessage(file
                + ": baseline: unknown key; known keys here: format, baselines");
    }

    @Test
    void optionsAreChecked() {
        BaselineAdapter adapter = new BaselineAdapter();
        assertThatThrownBy(() -> adapter.descriptor(Map.of())).hasMessageStartingWith(
                "baseline needs a baseline: --adapter baseline:NAME with NAME one of embracenet-image-text");
        assertThatThrownBy(() -> adapter.descriptor(Map.of("url", "https://example.org/m.zip")))
                .hasMessageContaining("needs --adapter-option sha256=HEX");
        assertThatThrownBy(() -> adapter.descriptor(Map.of("url", "https://example.org/m.pt", "sha256", "ab".repeat(32))))
                .hasMessageContaining("must name a .zip file");
        assertThatThrownBy(() -> adapter.descriptor(Map.of("name", "x", "sha256", "ab".repeat(32))))
                .hasMessage("baseline: --adapter-option sha256 goes with url=URL");
        assertThatThrownBy(() -> adapter.descriptor(Map.of("spec", "x.json")))
                .hasMessageStartingWith("baseline: unknown --adapter-option spec");
        AdapterDescriptor byUrl = adapter.descriptor(Map.of("url", "https://example.org/files/My_Model.zip?download=1",
                "sha256", "AB".repeat(32)));
        assertThat(byUrl.name()).isEqualTo("baseline:my_model");
        assertThat(byUrl.weightsSha256()).isEqualTo("ab".repeat(32));
    }

    private Path write(String json) throws IOException {
        return Files.writeString(temp.resolve("baselines.json"), json);
    }
}
