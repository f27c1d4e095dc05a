package org.glamibench.download;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.glamibench.progress.ProgressOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights downloaded from a local server into the cache: verified, resumed, never fetched twice. */
class WeightsCacheTest {
    private static final String PATH = "/files/weights.bin";

    @TempDir
    Path cacheDir;

    private final StringWriter log = new StringWriter();
    private final byte[] weights = new byte[300_000];
    private TestServer server;
    private WeightsCache cache;
    private WeightsCache.Artifact artifact;

    @BeforeEach
    void start() throws IOException {
        new SplittableRandom(5).nextBytes(weights);
        server = TestServer.start().serve(PATH, weights);
        cache = new WeightsCache(cacheDir, new HttpDownloader(Duration.ofSeconds(10), Duration.ofSeconds(10), 3,
                Duration.ZERO), new ProgressOutput(new PrintWriter(log), false));
        artifact = new WeightsCache.Artifact(List.of(server.uri(PATH)), "weights.bin", weights.length,
                TestZips.sha256(weights));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void downloadsAndVerifiesIntoAFolderNamedByTheSha256() {
        WeightsCache.Fetched fetched = cache.fetch(artifact);

        assertThat(fetched.downloaded()).isTrue();
        assertThat(fetched.file()).isEqualTo(cacheDir.resolve("weights").resolve(artifact.sha256()).resolve("weights.bin"))
                .hasBinaryContent(weights);
        assertThat(fetched.file().resolveSibling("weights.bin.part")).doesNotExist();
        assertThat(log.toString()).contains("Downloading weights.bin (").contains("Verified " + fetched.file() + ": "
                + weights.length + " bytes, sha256 " + artifact.sha256());
    }

    @Test
    void aVerifiedFileIsNeverDownloadedTwice() {
        cache.fetch(artifact);

        WeightsCache.Fetched again = cache.fetch(artifact);

        assertThat(again.downloaded()).isFalse();
        assertThat(server.requests()).hasSize(1);
        assertThat(log.toString()).contains("Verified " + again.file() + " (sha256 " + artifact.sha256() + ")");
    }

    @Test
    void aCutConnectionResumes() {
        server.cutNextResponseAfter(100_000);

        WeightsCache.Fetched fetched = cache.fetch(artifact);

        assertThat(fetched.file()).hasBinaryContent(weights);
        assertThat(server.requests()).containsExactly(new TestServer.Request(PATH, null),
                new TestServer.Request(PATH, "bytes=100000-"));
        assertThat(server.bytesSent()).isEqualTo(weights.length);
    }

    @Test
    void aPartLeftByAnInterruptedRunIsResumed() throws IOException {
        Path part = cache.path(artifact).resolveSibling("weights.bin.part");
        Files.createDirectories(part.getParent());
        Files.write(part, java.util.Arrays.copyOf(weights, 120_000));

        cache.fetch(artifact);

        assertThat(cache.path(artifact)).hasBinaryContent(weights);
        assertThat(server.requests()).containsExactly(new TestServer.Request(PATH, "bytes=120000-"));
        assertThat(log.toString()).contains("Resuming weights.bin");
    }

    @Test
    void aWrongChecksumIsRefusedAndNothingIsUsed() {
        WeightsCache.Artifact wrong = new WeightsCache.Artifact(artifact.urls(), "weights.bin", weights.length,
                "00".repeat(32));

        assertThatThrownBy(() -> cache.fetch(wrong))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("weights.bin from " + server.uri(PATH) + ": sha256 mismatch: expected "
                        + "00".repeat(32) + ", actual " + artifact.sha256())
                .hasMessageContaining("Nothing of it is used");
        assertThat(cache.path(wrong)).doesNotExist();
        assertThat(cache.path(wrong).resolveSibling("weights.bin.part")).doesNotExist();
        assertThat(cache.path(wrong).resolveSibling("weights.bin.rejected")).hasBinaryContent(weights);
    }

    @Test
    void aWrongSizeIsRefused() {
        WeightsCache.Artifact wrong = new WeightsCache.Artifact(artifact.urls(), "weights.bin", DatasetSource.UNKNOWN_SIZE,
                artifact.sha256());
        cache.fetch(wrong);
        WeightsCache.Artifact longer = new WeightsCache.Artifact(artifact.urls(), "other.bin", weights.length + 1,
                artifact.sha256());

        assertThatThrownBy(() -> cache.fetch(longer)).isInstanceOf(DownloadException.class);
        assertThat(cache.path(longer)).doesNotExist();
    }

    @Test
    void aCachedFileThatNoLongerVerifiesIsDownloadedAgain() throws IOException {
        cache.fetch(artifact);
        Files.write(cache.path(artifact), new byte[] {1, 2, 3});

        WeightsCache.Fetched fetched = cache.fetch(artifact);

        assertThat(fetched.downloaded()).isTrue();
        assertThat(fetched.file()).hasBinaryContent(weights);
        assertThat(log.toString()).contains("no longer matches: size mismatch");
    }

    @Test
    void aZipIsExtractedOnceAndMustHoldTheRequiredFile() throws IOException {
        byte[] zip = TestZips.zip(java.util.Map.of("model/spec.json", "{}".getBytes(UTF_8), "model/m.onnx", weights));
        server.serve("/m.zip", zip);
        WeightsCache.Artifact zipped = new WeightsCache.Artifact(List.of(server.uri("/m.zip")), "m.zip", zip.length,
                TestZips.sha256(zip));
        Path file = cache.fetch(zipped).file();

        Path folder = cache.extracted(file, "spec.json");

        assertThat(folder).isEqualTo(file.resolveSibling("m"));
        assertThat(folder.resolve("m.onnx")).hasBinaryContent(weights);
        assertThat(cache.extracted(file, "spec.json")).isEqualTo(folder);
        assertThatThrownBy(() -> cache.extracted(cache.fetch(artifact).file(), "spec.json"))
                .isInstanceOf(DownloadException.class).hasMessageContaining("is not a readable zip file");
    }
}
