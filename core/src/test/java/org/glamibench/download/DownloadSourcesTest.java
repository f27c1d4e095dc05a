package org.glamibench.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class DownloadSourcesTest {

    @Test
    void thePublishedZipsAreKnownWithTheirSizesAndChecksums() {
        DatasetSource full = DatasetVariant.FULL.source();
        assertThat(full.urls()).containsExactly(
                URI.create("https://zenodo.org/record/7326406/files/GLAMI-1M-dataset.zip?download=1"),
                URI.create("https://huggingface.co/datasets/glami/glami-1m/resolve/main/GLAMI-1M-dataset.zip"));
        assertThat(full.fileName()).isEqualTo("GLAMI-1M-dataset.zip");
        assertThat(full.size()).isEqualTo(11_227_139_414L);
        assertThat(full.checksum()).isEqualTo(
                Checksum.sha256("35cb7560d150b2147d9bc7813471036f08ac290fe8e17b16c7b08747de9026f7"));

        DatasetSource testOnly = DatasetVariant.TEST_ONLY.source();
        assertThat(testOnly.urls()).containsExactly(URI.create(
                "https://huggingface.co/datasets/glami/glami-1m/resolve/main/GLAMI-1M-dataset--test-only.zip"));
        assertThat(testOnly.fileName()).isEqualTo("GLAMI-1M-dataset--test-only.zip");
        assertThat(testOnly.size()).isEqualTo(1_393_501_262L);
        assertThat(testOnly.checksum()).isEqualTo(
                Checksum.sha256("814c1fb456b86a1a4f1c44fe3fb15c6bc645480e70ea4bfe06bd6a76e29afe9b"));
    }

    @Test
    void variantsAreFoundByLabelAndByAnyOfTheirUrls() {
        assertThat(DatasetVariant.ofLabel("full")).isEqualTo(DatasetVariant.FULL);
        assertThat(DatasetVariant.ofLabel("test-only")).isEqualTo(DatasetVariant.TEST_ONLY);
        assertThat(DatasetVariant.ofUrl(URI.create(
                "https://huggingface.co/datasets/glami/glami-1m/resolve/main/GLAMI-1M-dataset.zip")))
                .contains(DatasetVariant.FULL);
        assertThat(DatasetVariant.ofUrl(URI.create("https://example.org/GLAMI-1M-dataset.zip"))).isEmpty();
        assertThatThrownBy(() -> DatasetVariant.ofLabel("TEST_ONLY"))
                .hasMessage("unknown variant 'TEST_ONLY'; expected one of [full, test-only]");
    }

    @Test
    void aSourceAtAUrlIsSavedUnderTheUrlsFileNameWhenItIsAPlainZipName() {
        assertThat(DatasetSource.of(URI.create("http://127.0.0.1:8080/a/GLAMI-1M-dataset.zip?token=1"), 5, null))
                .isEqualTo(new DatasetSource(List.of(URI.create("http://127.0.0.1:8080/a/GLAMI-1M-dataset.zip?token=1")),
                        "GLAMI-1M-dataset.zip", 5, null));
        assertThat(DatasetSource.of(URI.create("http://127.0.0.1/download?id=7"), -1, null).fileName())
                .isEqualTo("GLAMI-1M-download.zip");
        assertThat(DatasetSource.of(URI.create("http://127.0.0.1/..zip"), -1, null).fileName())
                .isEqualTo("GLAMI-1M-download.zip");
        assertThat(DatasetSource.of(URI.create("http://127.0.0.1/a%2F..%2Fb.zip"), -1, null).fileName())
                .as("the last segment of the decoded path").isEqualTo("b.zip");
    }

    @Test
    void sourcesRefuseWhatCannotBeDownloadedSafely() {
        assertThatThrownBy(() -> DatasetSource.of(URI.create("file:///etc/passwd.zip"), -1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not an http or https URL: file:///etc/passwd.zip");
        assertThatThrownBy(() -> new DatasetSource(List.of(), "a.zip", -1, null))
                .hasMessage("a source needs at least one URL");
        assertThatThrownBy(() -> new DatasetSource(List.of(URI.create("http://127.0.0.1/a.zip")), "../a.zip", -1, null))
                .hasMessage("not a plain .zip file name: '../a.zip'");
        assertThatThrownBy(() -> new DatasetSource(List.of(URI.create("http://127.0.0.1/a.zip")), "a.zip", -2, null))
                .hasMessage("size must not be negative: -2");
    }

    @Test
    void checksumsAreNormalisedAndChecked() {
        assertThat(Checksum.md5(" 500348BBF54595DB81CBA353ACD50D78 ").hex()).isEqualTo("500348bbf54595db81cba353acd50d78");
        assertThat(Checksum.md5("500348bbf54595db81cba353acd50d78")).hasToString("md5 500348bbf54595db81cba353acd50d78");
        assertThatThrownBy(() -> Checksum.sha256("500348bbf54595db81cba353acd50d78"))
                .hasMessage("sha256 checksums are 64 hexadecimal digits, not '500348bbf54595db81cba353acd50d78'");
        assertThatThrownBy(() -> Checksum.md5("500348bbf54595db81cba353acd50dzz"))
                .hasMessage("md5 checksums are 32 hexadecimal digits, not '500348bbf54595db81cba353acd50dzz'");
    }
}
