package org.glamibench.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Files without a published SHA-256: recorded on first use, checked against the record ever after. */
class WeightsTrustTest {
    private static final String PATH = "/resolve/rev/spiece.model";
    private static final String KEY = "mt5-small-rev-spiece.model";

    @TempDir
    Path cacheDir;

    private final StringWriter log = new StringWriter();
    private final byte[] file = new byte[200_000];
    private TestServer server;
    private WeightsCache cache;

    @BeforeEach
    void start() throws IOException {
        new SplittableRandom(11).nextBytes(file);
        server = TestServer.start().serve(PATH, file);
        cache = new WeightsCache(cacheDir, new HttpDownloader(Duration.ofSeconds(10), Duration.ofSeconds(10), 3,
                Duration.ZERO), new ProgressOutput(new PrintWriter(log), false));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theFirstUseRecordsSizeAndSha256AndPrintsThem() throws IOException {
        WeightsCache.Trusted trusted = cache.fetchTrustingFirstUse(KEY, List.of(server.uri(PATH)), "spiece.model",
                DatasetSource.UNKNOWN_SIZE);

        String sha256 = TestZips.sha256(file);
        assertThat(trusted.firstUse()).isTrue();
        assertThat(trusted.sha256()).isEqualTo(sha256);
        assertThat(trusted.size()).isEqualTo(file.length);
        assertThat(trusted.file()).isEqualTo(cacheDir.resolve("weights").resolve(sha256).resolve("spiece.model"))
                .hasBinaryContent(file);
        Path record = cacheDir.resolve("weights/trusted/" + KEY + ".json");
        JsonNode json = new ObjectMapper().readTree(record.toFile());
        assertThat(json.get("sha256").asText()).isEqualTo(sha256);
        assertThat(json.get("size").asLong()).isEqualTo(file.length);
        assertThat(json.get("url").asText()).isEqualTo(server.uri(PATH).toString());
        assertThat(json.get("recorded").asText()).isEqualTo(trusted.recorded());
        assertThat(log.toString()).contains("First use of spiece.model: " + file.length + " bytes, sha256 " + sha256
                + "; recorded in " + record + " and checked on every later use (trust on first use)");
    }

    @Test
    void laterUsesAreVerifiedAgainstTheRecordAndNotDownloadedAgain() {
        WeightsCache.Trusted first = cache.fetchTrustingFirstUse(KEY, List.of(server.uri(PATH)), "spiece.model",
                DatasetSource.UNKNOWN_SIZE);

        WeightsCache.Trusted again = cache.fetchTrustingFirstUse(KEY, List.of(server.uri(PATH)), "spiece.model",
                DatasetSource.UNKNOWN_SIZE);

        assertThat(again.firstUse()).isFalse();
        assertThat(again.file()).isEqualTo(first.file());
        assertThat(again.recorded()).isEqualTo(first.recorded());
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aFileChangedAfterItsFirstUseIsRefused() throws IOException {
        WeightsCache.Trusted first = cache.fetchTrustingFirstUse(KEY, List.of(server.uri(PATH)), "spiece.model",
                DatasetSource.UNKNOWN_SIZE);
        byte[] changed = file.clone();
        changed[1000] ^= 1;
        Files.write(first.file(), changed);
        server.serve(PATH, changed);

        assertThatThrownBy(() -> cache.fetchTrustingFirstUse(KEY, List.of(server.uri(PATH)), "spiece.model",
                DatasetSource.UNKNOWN_SIZE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("sha256 mismatch: expected " + first.sha256());
        assertThat(first.file()).doesNotExist();
    }

    @Test
    void aKnownSizeIsCheckedOnFirstUse() {
        assertThatThrownBy(() -> cache.fetchTrustingFirstUse(KEY, List.of(server.uri(PATH)), "spiece.model",
                file.length + 1L))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("spiece.model");
        assertThat(cacheDir.resolve("weights/trusted/" + KEY + ".json")).doesNotExist();
    }
}
