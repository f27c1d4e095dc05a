package org.glamibench.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.progress.ProgressOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a local server on 127.0.0.1: resume, retries, verification and extraction. */
class DownloadEndToEndTest {

    private static final String ZIP_PATH = "/GLAMI-1M-dataset.zip";
    private static final String ZIP_NAME = "GLAMI-1M-dataset.zip";

    @TempDir
    Path temp;

    private TestServer server;
    private final StringWriter log = new StringWriter();
    private final byte[] zip = TestZips.glamiZip();
    private Path dir;
    private DatasetDownloader downloader;
    private DatasetSource source;

    @BeforeEach
    void startServer() throws IOException {
        server = TestServer.start().serve(ZIP_PATH, zip);
        dir = temp.resolve("extract");
        downloader = downloader(Duration.ofSeconds(10));
        source = DatasetSource.of(server.uri(ZIP_PATH), zip.length, Checksum.sha256(TestZips.sha256(zip)));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private DatasetDownloader downloader(Duration readTimeout) {
        return new DatasetDownloader(new HttpDownloader(Duration.ofSeconds(10), readTimeout, 3, Duration.ZERO),
                new ProgressOutput(new PrintWriter(log), false));
    }

    private void assertDatasetExtracted(Path dataset) throws IOException {
        assertThat(dataset).isEqualTo(dir.resolve("GLAMI-1M-dataset"));
        for (Map.Entry<String, byte[]> file : TestZips.datasetFiles().entrySet()) {
            assertThat(dataset.resolve(file.getKey())).as(file.getKey()).hasBinaryContent(file.getValue());
        }
        assertThat(DatasetLayout.locate(dir, Map.of()).root()).isEqualTo(dataset);
        assertThat(dir.resolve(ZIP_NAME)).hasBinaryContent(zip);
        assertThat(dir.resolve(ZIP_NAME + ".part")).doesNotExist();
        assertThat(dir.resolve("GLAMI-1M-dataset.partial")).doesNotExist();
    }

    private void assertNothingExtracted() {
        assertThat(dir.resolve("GLAMI-1M-dataset")).doesNotExist();
        assertThat(dir.resolve("GLAMI-1M-dataset.partial")).doesNotExist();
    }

    @Test
    void downloadsVerifiesAndExtracts() throws IOException {
        DatasetDownloader.Result result = downloader.install(source, dir, false);

        assertDatasetExtracted(result.dataset());
        assertThat(result.downloaded()).isTrue();
        assertThat(result.zip()).isEqualTo(dir.resolve(ZIP_NAME));
        assertThat(dir.resolve(DatasetDownloader.LOCK_FILE)).doesNotExist();
        assertThat(server.requests()).containsExactly(new TestServer.Request(ZIP_PATH, null));
        assertThat(log.toString())
                .contains("Downloading " + ZIP_NAME + " (" + org.glamibench.progress.ProgressMeter.formatBytes(zip.length)
                        + ") from " + server.uri(ZIP_PATH))
                .contains("Verified " + ZIP_NAME + ": " + zip.length + " bytes, sha256 " + TestZips.sha256(zip))
                .contains("extract " + ZIP_NAME + ": 5 files in ")
                .doesNotContain("\r");
    }

    @Test
    void aCutConnectionIsResumedWithARangeRequest() throws IOException {
        server.cutNextResponseAfter(100_000);

        DatasetDownloader.Result result = downloader.install(source, dir, false);

        assertDatasetExtracted(result.dataset());
        assertThat(server.requests()).containsExactly(
                new TestServer.Request(ZIP_PATH, null),
                new TestServer.Request(ZIP_PATH, "bytes=100000-"));
        assertThat(server.bytesSent()).isEqualTo(zip.length);
        assertThat(log.toString()).contains(ZIP_NAME + ": connection closed at byte 100000 of " + zip.length
                + "; retrying in 0 s from byte 100000 (attempt 2 of 3)");
    }

    @Test
    void aStalledConnectionIsTreatedAsCutAfterTheReadTimeout() throws IOException {
        server.stallNextResponseAfter(50_000, 10_000);

        DatasetDownloader.Result result = downloader(Duration.ofSeconds(1)).install(source, dir, false);

        assertDatasetExtracted(result.dataset());
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).range()).isEqualTo("bytes=50000-");
        assertThat(log.toString()).contains("timed out").contains("retrying in 0 s from byte 50000");
    }

    @Test
    void serverErrorsAreRetried() throws IOException {
        server.failNext(2);

        DatasetDownloader.Result result = downloader.install(source, dir, false);

        assertDatasetExtracted(result.dataset());
        assertThat(server.requests()).hasSize(3);
        assertThat(log.toString()).contains(ZIP_NAME + ": HTTP 503 Service Unavailable; retrying in 0 s from byte 0"
                + " (attempt 3 of 3)");
    }

    @Test
    void retriesWithoutProgressEndAfterTheLastAttempt() {
        server.failNext(3);

        assertThatThrownBy(() -> downloader.install(source, dir, false))
                .isInstanceOf(DownloadException.class)
                .hasMessage("could not download " + ZIP_NAME + " from " + server.uri(ZIP_PATH)
                        + ": HTTP 503 Service Unavailable (3 attempts in a row without progress).");
        assertThat(server.requests()).hasSize(3);
        assertNothingExtracted();
    }

    @Test
    void aPartLeftByAnEarlierRunIsResumed() throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(ZIP_NAME + ".part"), Arrays.copyOf(zip, 1000));

        DatasetDownloader.Result result = downloader.install(source, dir, false);

        assertDatasetExtracted(result.dataset());
        assertThat(server.requests()).containsExactly(new TestServer.Request(ZIP_PATH, "bytes=1000-"));
        assertThat(server.bytesSent()).isEqualTo(zip.length - 1000);
        assertThat(log.toString()).contains("Resuming " + ZIP_NAME);
    }

    @Test
    void aServerIgnoringTheRangeRestartsTheDownloadCleanly() throws IOException {
        Files.createDirectories(dir);
        byte[] garbage = new byte[1000];
        Arrays.fill(garbage, (byte) 7);
        Files.write(dir.resolve(ZIP_NAME + ".part"), garbage);
        server.ignoreRange();

        DatasetDownloader.Result result = downloader.install(source, dir, false);

        assertDatasetExtracted(result.dataset());
        assertThat(server.requests()).containsExactly(new TestServer.Request(ZIP_PATH, "bytes=1000-"));
        assertThat(log.toString()).contains("the server does not resume downloads (it ignored the request for bytes"
                + " from 1000); downloading from the start");
    }

    @Test
    void aServerIgnoringTheRangeWithAnotherFileLeavesThePartAlone() throws IOException {
        Files.createDirectories(dir);
        Path part = dir.resolve(ZIP_NAME + ".part");
        Files.write(part, Arrays.copyOf(zip, 1000));
        server.ignoreRange();

        assertThatThrownBy(() -> downloader.install(source.withSize(zip.length + 10L), dir, false))
                .isInstanceOf(DownloadException.class)
                .hasMessage("could not download " + ZIP_NAME + " from " + server.uri(ZIP_PATH) + ": the server's file"
                        + " has " + zip.length + " bytes, expected " + (zip.length + 10) + ". The partial download "
                        + part + " (1000 bytes) is kept: a rerun resumes it; deleting it starts over.");
        assertThat(part).hasBinaryContent(Arrays.copyOf(zip, 1000));
    }

    @Test
    void aWrongChecksumKeepsThePartAndExtractsNothing() {
        String wrong = TestZips.sha256(new byte[] {1, 2, 3});
        DatasetSource wrongSource = source.withChecksum(Checksum.sha256(wrong));
        Path part = dir.resolve(ZIP_NAME + ".part");

        assertThatThrownBy(() -> downloader.install(wrongSource, dir, false))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining(part + ": sha256 mismatch: expected " + wrong + ", actual " + TestZips.sha256(zip))
                .hasMessageContaining("downloaded from " + server.uri(ZIP_PATH))
                .hasMessageContaining("is kept for inspection and was not extracted; delete it to download again");

        assertThat(part).hasBinaryContent(zip);
        assertThat(dir.resolve(ZIP_NAME)).doesNotExist();
        assertNothingExtracted();
        assertThat(dir.resolve(DatasetDownloader.LOCK_FILE)).doesNotExist();
    }

    @Test
    void anMd5ChecksumIsVerifiedToo() throws IOException {
        DatasetDownloader.Result result = downloader.install(source.withChecksum(Checksum.md5(TestZips.md5(zip))), dir,
                false);

        assertDatasetExtracted(result.dataset());
        assertThat(log.toString()).contains("Verified " + ZIP_NAME + ": " + zip.length + " bytes, md5 " + TestZips.md5(zip));
    }

    @Test
    void aWrongSizeFromTheServerIsNotUsed() {
        DatasetSource wrongSize = source.withSize(zip.length + 10L);

        assertThatThrownBy(() -> downloader.install(wrongSize, dir, false))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("could not download " + ZIP_NAME + " from " + server.uri(ZIP_PATH)
                        + ": the server's file has " + zip.length + " bytes, expected " + (zip.length + 10));
        assertThat(dir.resolve(ZIP_NAME + ".part")).doesNotExist();
        assertNothingExtracted();
    }

    @Test
    void aVerifiedZipIsNotDownloadedAgain() throws IOException {
        downloader.install(source, dir, false);

        DatasetDownloader.Result again = downloader.install(source, dir, true);

        assertDatasetExtracted(again.dataset());
        assertThat(again.downloaded()).isFalse();
        assertThat(server.requests()).hasSize(1);
        assertThat(log.toString()).contains("Found " + dir.resolve(ZIP_NAME) + "; checking it instead of downloading");
    }

    @Test
    void aCorruptedZipOnDiskIsRefusedAndKept() throws IOException {
        Files.createDirectories(dir);
        byte[] corrupted = zip.clone();
        corrupted[500] ^= 1;
        Files.write(dir.resolve(ZIP_NAME), corrupted);

        assertThatThrownBy(() -> downloader.install(source, dir, false))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining(dir.resolve(ZIP_NAME) + ": sha256 mismatch: expected " + TestZips.sha256(zip)
                        + ", actual " + TestZips.sha256(corrupted) + ". It was not extracted; delete it to download again.");
        assertThat(server.requests()).isEmpty();
        assertThat(dir.resolve(ZIP_NAME)).hasBinaryContent(corrupted);
        assertNothingExtracted();
    }

    @Test
    void aZipOnDiskOfTheWrongSizeIsRefusedWithoutHashingIt() throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(ZIP_NAME), Arrays.copyOf(zip, 1000));

        assertThatThrownBy(() -> downloader.install(source, dir, false))
                .isInstanceOf(DownloadException.class)
                .hasMessage(dir.resolve(ZIP_NAME) + ": size mismatch: expected " + zip.length + " bytes, actual 1000"
                        + " bytes. It was not extracted; delete it to download again.");
        assertThat(log.toString()).doesNotContain("hash ");
        assertThat(server.requests()).isEmpty();
        assertNothingExtracted();
    }

    @Test
    void aPartLargerThanTheExpectedSizeIsRefusedAndKept() throws IOException {
        Files.createDirectories(dir);
        Path part = dir.resolve(ZIP_NAME + ".part");
        Files.write(part, new byte[zip.length + 1]);

        assertThatThrownBy(() -> downloader.install(source, dir, false))
                .isInstanceOf(DownloadException.class)
                .hasMessage(part + " has " + (zip.length + 1) + " bytes, more than the expected " + zip.length
                        + " bytes of " + ZIP_NAME + ", so it is not a partial download of it. It is kept; delete it"
                        + " to download again from the start.");
        assertThat(server.requests()).isEmpty();
        assertThat(part).hasSize(zip.length + 1);
    }

    @Test
    void aCompletePartOfUnknownSizeIsRecognisedFromTheServersRangeAnswer() throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(ZIP_NAME + ".part"), zip);

        DatasetDownloader.Result result = downloader.install(source.withSize(DatasetSource.UNKNOWN_SIZE), dir, false);

        assertDatasetExtracted(result.dataset());
        assertThat(server.requests()).containsExactly(new TestServer.Request(ZIP_PATH, "bytes=" + zip.length + "-"));
    }

    @Test
    void aPartLargerThanTheServersFileIsRefusedAndKept() throws IOException {
        Files.createDirectories(dir);
        Path part = dir.resolve(ZIP_NAME + ".part");
        Files.write(part, Arrays.copyOf(zip, zip.length + 5));

        assertThatThrownBy(() -> downloader.install(source.withSize(DatasetSource.UNKNOWN_SIZE), dir, false))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining(part + " has " + (zip.length + 5) + " bytes, more than the " + zip.length
                        + " bytes of the file on the server, so it is not a partial download of it; delete it to start over");
        assertThat(part).hasSize(zip.length + 5);
        assertNothingExtracted();
    }

    @Test
    void redirectsAreFollowed() throws IOException {
        server.redirect("/download", ZIP_PATH);
        DatasetSource redirected = new DatasetSource(List.of(server.uri("/download")), ZIP_NAME, zip.length,
                source.checksum());

        DatasetDownloader.Result result = downloader.install(redirected, dir, false);

        assertDatasetExtracted(result.dataset());
        assertThat(server.requests()).extracting(TestServer.Request::path).containsExactly("/download", ZIP_PATH);
    }

    @Test
    void theNextUrlIsTriedWhenOneFails() throws IOException {
        DatasetSource mirrored = new DatasetSource(List.of(server.uri("/missing.zip"), server.uri(ZIP_PATH)), ZIP_NAME,
                zip.length, source.checksum());

        DatasetDownloader.Result result = downloader.install(mirrored, dir, false);

        assertDatasetExtracted(result.dataset());
        assertThat(log.toString()).contains(ZIP_NAME + ": giving up on " + server.uri("/missing.zip")
                + " (HTTP 404 Not Found); trying " + server.uri(ZIP_PATH));
    }

    @Test
    void whenNoUrlWorksTheErrorNamesEachAndNoPartIsLeft() {
        DatasetSource missing = new DatasetSource(List.of(server.uri("/missing.zip")), ZIP_NAME, zip.length,
                source.checksum());

        assertThatThrownBy(() -> downloader.install(missing, dir, false))
                .isInstanceOf(DownloadException.class)
                .hasMessage("could not download " + ZIP_NAME + " from " + server.uri("/missing.zip")
                        + ": HTTP 404 Not Found.");
        assertThat(dir.resolve(ZIP_NAME + ".part")).doesNotExist();
    }

    @Test
    void anExistingDatasetFolderIsReplacedOnlyWhenAsked() throws IOException {
        Path dataset = dir.resolve("GLAMI-1M-dataset");
        Files.createDirectories(dataset);
        Files.writeString(dataset.resolve("old.txt"), "old");

        assertThatThrownBy(() -> downloader.install(source, dir, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dataset + " already exists");
        assertThat(server.requests()).isEmpty();
        assertThat(dataset.resolve("old.txt")).hasContent("old");

        DatasetDownloader.Result result = downloader.install(source, dir, true);

        assertDatasetExtracted(result.dataset());
        assertThat(dataset.resolve("old.txt")).doesNotExist();
        assertThat(dir.resolve("GLAMI-1M-dataset.replaced")).doesNotExist();
    }

    @Test
    void leftoversOfAnInterruptedExtractionAreRemoved() throws IOException {
        Path partial = dir.resolve("GLAMI-1M-dataset.partial");
        Files.createDirectories(partial.resolve("images"));
        Files.writeString(partial.resolve("images/stale.jpg"), "stale");

        DatasetDownloader.Result result = downloader.install(source, dir, false);

        assertDatasetExtracted(result.dataset());
        assertThat(result.dataset().resolve("images/stale.jpg")).doesNotExist();
        assertThat(log.toString()).contains("Removing " + partial + ", left by an interrupted run");
    }

    @Test
    void aZipSlipEntryIsRefusedAndNothingIsWritten() {
        Map<String, byte[]> entries = new LinkedHashMap<>(TestZips.withPrefix("GLAMI-1M-dataset/", TestZips.datasetFiles()));
        entries.put("../evil.txt", new byte[] {1});
        assertRefused(TestZips.zip(entries), "refusing entry '../evil.txt': '..' leads outside the dataset folder");
        assertThat(dir.resolveSibling("evil.txt")).doesNotExist();
        assertThat(dir.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void anAbsolutePathEntryIsRefusedAndNothingIsWritten() {
        Path outside = temp.resolve("outside").resolve("evil.txt").toAbsolutePath();
        Map<String, byte[]> entries = new LinkedHashMap<>(TestZips.withPrefix("GLAMI-1M-dataset/", TestZips.datasetFiles()));
        entries.put(outside.toString(), new byte[] {1});
        assertRefused(TestZips.zip(entries), "refusing entry '" + outside + "': it is an absolute path");
        assertThat(outside).doesNotExist();
        assertThat(outside.getParent()).doesNotExist();
    }

    private void assertRefused(byte[] badZip, String message) {
        server.serve(ZIP_PATH, badZip);
        DatasetSource badSource = source.withSize(badZip.length).withChecksum(Checksum.sha256(TestZips.sha256(badZip)));

        assertThatThrownBy(() -> downloader.install(badSource, dir, false))
                .isInstanceOf(DownloadException.class)
                .hasMessage(ZIP_NAME + ": " + message + "; nothing was extracted");
        assertNothingExtracted();
        assertThat(dir.resolve(ZIP_NAME)).as("the verified zip is kept").hasBinaryContent(badZip);
    }

    @Test
    void aZipWithTheFilesAtItsTopIsExtractedIntoTheDatasetFolder() throws IOException {
        byte[] flat = TestZips.zip(TestZips.datasetFiles());
        server.serve(ZIP_PATH, flat);

        DatasetDownloader.Result result = downloader.install(
                source.withSize(flat.length).withChecksum(Checksum.sha256(TestZips.sha256(flat))), dir, false);

        for (Map.Entry<String, byte[]> file : TestZips.datasetFiles().entrySet()) {
            assertThat(result.dataset().resolve(file.getKey())).hasBinaryContent(file.getValue());
        }
    }

    @Test
    void aZipWithoutSplitCsvsIsNotExtracted() {
        byte[] other = TestZips.zip(Map.of("other/readme.txt", new byte[] {1}));
        server.serve(ZIP_PATH, other);

        assertThatThrownBy(() -> downloader.install(source.withSize(other.length).withChecksum(null), dir, false))
                .isInstanceOf(DownloadException.class)
                .hasMessage(ZIP_NAME + " holds no GLAMI-1M-test.csv or GLAMI-1M-train.csv, neither at its top nor in a"
                        + " single top folder, so it is not a GLAMI-1M dataset zip; nothing was extracted");
        assertThat(log.toString()).contains("Not verified " + ZIP_NAME + " (" + other.length + " bytes): no checksum given");
        assertNothingExtracted();
    }

    @Test
    void aFileThatIsNoZipIsNotExtracted() {
        byte[] html = "<html>not a zip</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.serve(ZIP_PATH, html);

        assertThatThrownBy(() -> downloader.install(source.withSize(DatasetSource.UNKNOWN_SIZE).withChecksum(null), dir,
                false))
                .isInstanceOf(DownloadException.class)
                .hasMessageStartingWith(dir.resolve(ZIP_NAME) + " is not a readable zip file (")
                .hasMessageEndingWith("); it was not extracted. Delete it to download again.");
        assertNothingExtracted();
    }

    @Test
    void aSecondRunInTheSameFolderIsRefusedWhileOneIsWorking() throws IOException {
        Files.createDirectories(dir);
        try (FileChannel lock = FileChannel.open(dir.resolve(".glami-bench-download.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); var held = lock.lock()) {
            assertThat(held.isValid()).isTrue();
            assertThatThrownBy(() -> downloader.install(source, dir, false))
                    .isInstanceOf(DownloadException.class)
                    .hasMessage("another download is working in " + dir + "; wait until it ends");
        }
        assertThat(server.requests()).isEmpty();
        assertThat(dir.resolve(".glami-bench-download.lock")).exists();
    }
}
