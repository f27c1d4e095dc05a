package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.glamibench.download.TestServer;
import org.glamibench.download.TestZips;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glami-bench download} against a local server on 127.0.0.1: exit codes and messages. */
class DownloadCommandTest {

    private static final String ZIP_PATH = "/GLAMI-1M-dataset.zip";

    @TempDir
    Path temp;

    private TestServer server;
    private final byte[] zip = TestZips.glamiZip();
    private Path dir;

    @BeforeEach
    void startServer() throws IOException {
        server = TestServer.start().serve(ZIP_PATH, zip);
        dir = temp.resolve("extract");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String url() {
        return server.uri(ZIP_PATH).toString();
    }

    @Test
    void downloadsVerifiesExtractsAndSaysWhereTheDatasetIs() throws IOException {
        CommandRun run = CommandRun.of("download", "--dir", dir.toString(), "--url", url(), "--sha256",
                TestZips.sha256(zip), "--size", Integer.toString(zip.length));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("GLAMI-1M dataset ready in " + dir.resolve("GLAMI-1M-dataset")
                + System.lineSeparator());
        assertThat(run.err()).contains("Verified GLAMI-1M-dataset.zip: " + zip.length + " bytes, sha256 ");
        for (Map.Entry<String, byte[]> file : TestZips.datasetFiles().entrySet()) {
            assertThat(dir.resolve("GLAMI-1M-dataset").resolve(file.getKey())).hasBinaryContent(file.getValue());
        }
    }

    @Test
    void aWrongChecksumFailsWithExitCode1AndNamesBothValues() {
        String wrong = TestZips.sha256(new byte[0]);

        CommandRun run = CommandRun.of("download", "--dir", dir.toString(), "--url", url(), "--sha256",
                wrong.toUpperCase(Locale.ROOT));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error: " + dir.resolve("GLAMI-1M-dataset.zip.part")
                + ": sha256 mismatch: expected " + wrong + ", actual " + TestZips.sha256(zip));
        assertThat(dir.resolve("GLAMI-1M-dataset.zip.part")).hasBinaryContent(zip);
        assertThat(dir.resolve("GLAMI-1M-dataset")).doesNotExist();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownUrlNeedsAChecksumOrAnExplicitNoChecksum() {
        CommandRun run = CommandRun.of("download", "--dir", dir.toString(), "--url", url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: --url " + url() + " is not a known GLAMI-1M source: give --sha256 HEX"
                + " or --md5 HEX to verify the download, or --no-checksum to take it unverified");
        assertThat(server.requests()).isEmpty();

        CommandRun unverified = CommandRun.of("download", "--dir", dir.toString(), "--url", url(), "--no-checksum");
        assertThat(unverified.exitCode()).isZero();
        assertThat(unverified.err()).contains("Not verified GLAMI-1M-dataset.zip (" + zip.length + " bytes)");
    }

    @Test
    void anMd5IsAccepted() {
        CommandRun run = CommandRun.of("download", "--dir", dir.toString(), "--url", url(), "--md5", TestZips.md5(zip));
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("Verified GLAMI-1M-dataset.zip: " + zip.length + " bytes, md5 "
                + TestZips.md5(zip));
    }

    @Test
    void anExistingDatasetIsReplacedOnlyWithForce() throws IOException {
        Path dataset = dir.resolve("GLAMI-1M-dataset");
        Files.createDirectories(dataset);

        CommandRun run = CommandRun.of("download", "--dir", dir.toString(), "--url", url(), "--sha256",
                TestZips.sha256(zip));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: " + dataset + " already exists; pass --force to replace it");
        assertThat(server.requests()).isEmpty();

        assertThat(CommandRun.of("download", "--dir", dir.toString(), "--url", url(), "--sha256", TestZips.sha256(zip),
                "--force").exitCode()).isZero();
        assertThat(dataset.resolve("GLAMI-1M-test.csv")).exists();
    }

    @Test
    void badUsageExitsWith2BeforeAnyRequest() {
        String sha = TestZips.sha256(zip);
        String[][] cases = {
            {"--url", url(), "--sha256", sha, "--md5", TestZips.md5(zip)},
            {"--url", url(), "--sha256", "abc"},
            {"--url", url(), "--md5", sha},
            {"--variant", "small"},
            {"--variant", "test-only", "--url", url(), "--sha256", sha},
            {"--url", "ftp://127.0.0.1/GLAMI-1M-dataset.zip", "--sha256", sha},
            {"--url", url(), "--sha256", sha, "--size", "-5"},
            {"--variant", "full", "--size", "12"},
        };
        String[] expected = {
            "are mutually exclusive",
            "sha256 checksums are 64 hexadecimal digits, not 'abc'",
            "md5 checksums are 32 hexadecimal digits",
            "--variant: unknown variant 'small'; expected one of [full, test-only]",
            "--url " + url() + " is not the test-only zip; give either --variant or --url",
            "--url: not an http or https URL: ftp://127.0.0.1/GLAMI-1M-dataset.zip",
            "--size must not be negative: -5",
            "--size 12 is not the known size of GLAMI-1M-dataset.zip, 11227139414 bytes",
        };
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 3];
            args[0] = "download";
            args[1] = "--dir";
            args[2] = dir.toString();
            System.arraycopy(cases[i], 0, args, 3, cases[i].length);

            CommandRun run = CommandRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).contains(expected[i]);
        }
        assertThat(server.requests()).isEmpty();
        assertThat(dir).doesNotExist();
    }

    @Test
    void helpNamesTheKnownSources() {
        CommandRun run = CommandRun.of("download", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("--variant=full|test-only", "--sha256=HEX", "--md5=HEX", "--no-checksum", "--force",
                        "GLAMI-1M-dataset--test-only.zip, 1,393,501,262 bytes,");
    }
}
