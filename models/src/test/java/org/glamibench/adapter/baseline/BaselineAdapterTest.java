package org.glamibench.adapter.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.adapter.Modality;
import org.glamibench.adapter.OutputKind;
import org.glamibench.baselines.RegistryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineAdapterTest {
    @TempDir
    Path temp;

    @Test
    void theAliasOfThePublishedCheckpointIsDescribedByItsName() {
        AdapterDescriptor described = new BaselineAdapter().descriptor(Map.of("name", "embracenet-image-text"));
        assertThat(described.name()).isEqualTo("baseline:glami-embracenet");
        assertThat(described.version()).isEqualTo("trusted-on-first-use");
        assertThat(described.output()).isEqualTo(OutputKind.LOGITS);
    }

    @Test
    void aGlamiEmbraceNetTakesItsOwnOptionsAndRefusesTheModelZipOnes() throws IOException {
        BaselineAdapter adapter = new BaselineAdapter();
        assertThatThrownBy(() -> adapter.descriptor(Map.of("name", "glami-embracenet", "threads", "2")))
                .hasMessage("baseline: --adapter-option threads does not apply to baseline:glami-embracenet, a"
                        + " glami-embracenet; it takes checkpoint, embracement, image-engine, text-features, text-mask,"
                        + " text-model");
        assertThatThrownBy(() -> adapter.descriptor(Map.of("name", "glami-embracenet", "image-engine", "tensorrt")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseline: --adapter-option image-engine: unknown image engine 'tensorrt'; known: pytorch,"
                        + " onnxruntime");
        assertThatThrownBy(() -> adapter.descriptor(Map.of("name", "glami-embracenet", "embracement", "median")))
                .hasMessageContaining("median");
        assertThatThrownBy(() -> adapter.descriptor(Map.of("name", "glami-embracenet", "text-mask", "yes")))
                .hasMessage("baseline: --adapter-option text-mask must be true or false, got 'yes'");
        assertThatThrownBy(() -> adapter.descriptor(Map.of("name", "glami-embracenet", "text-features", "a",
                "text-model", "b")))
                .hasMessage("baseline: --adapter-option text-features and text-model exclude each other (precomputed"
                        + " features, or the encoder that computes them)");
        Path missing = temp.resolve("none.pt");
        assertThatThrownBy(() -> adapter.descriptor(Map.of("name", "glami-embracenet", "checkpoint",
                missing.toString())))
                .hasMessage("baseline: --adapter-option checkpoint=" + missing + ": no such file");
        Path checkpoint = Files.write(temp.resolve("local.pt"), new byte[] {1, 2, 3});
        AdapterDescriptor local = adapter.descriptor(Map.of("name", "glami-embracenet", "checkpoint",
                checkpoint.toString()));
        String sha256 = "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81";
        assertThat(local.version()).isEqualTo("sha256:" + sha256.substring(0, 12));
        assertThat(local.weightsSha256()).isEqualTo(sha256);
        assertThat(local.description()).endsWith("; from " + checkpoint);
    }

    @Test
    void aRegistryFileNamesRunnableBaselines() throws IOException {
        Path file = RegistryFiles.write(temp, "{\"format\": \"glami-bench-baselines/1\", \"baselines\": [" + RegistryFiles.TINY + "]}");

        AdapterDescriptor descriptor = new BaselineAdapter().descriptor(Map.of("name", "tiny", "registry", file.toString()));

        assertThat(descriptor.name()).isEqualTo("baseline:tiny");
        assertThat(descriptor.version()).isEqualTo("sha256:abababababab");
        assertThat(descriptor.modality()).isEqualTo(Modality.TEXT);
        assertThat(descriptor.weightsSha256()).isEqualTo("ab".repeat(32));
    }

    @Test
    void optionsAreChecked() {
        BaselineAdapter adapter = new BaselineAdapter();
        assertThatThrownBy(() -> adapter.descriptor(Map.of())).hasMessageStartingWith(
                "baseline needs a baseline: --adapter baseline:NAME with NAME one of glami-embracenet");
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
}
