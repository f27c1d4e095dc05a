package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.glamibench.download.TestServer;
import org.glamibench.download.TestZips;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code glami-bench download} against a local server on 127.0.0.1: exit codes and messages. */
class DownloadCommandTest {

    private static final String ZIP_PATH = "/GLAMI-1M-dataset.zip";

    @TempDir
    Path temp;

    private TestServer server;
    private final byte[] zip = TestZips.glamiZip();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
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

    private int run(String... args) {
        CommandLine commandLine = GlamiBench.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private String url() {
        return server.uri(ZIP_PATH).toString();
    }

    @Test
    void downloadsVerifiesExtractsAndSaysWhereTheDatasetIs() throws IOException {
        int exit = run("download", "--dir", dir.toString(), "--url", url(), "--sha256", TestZips.sha256(zip),
                "--size", Integer.toString(zip.length));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("GLAMI-1M dataset ready in " + dir.resolve("GLAMI-1M-dataset")
                + System.lineSeparator());
        assertThat(err.toString()).contains("Verified GLAMI-1M-dataset.zip: " + zip.length + " bytes, sha256 ");
        for (Map.Entry<String, byte[]> file : TestZips.datasetFiles().entrySet()) {
            assertThat(dir.resolve("GLAMI-1M-dataset").resolve(file.getKey())).hasBinaryContent(file.getValue());
        }
    }

    @Test
    void aWrongChecksumFailsWithExitCode1AndNamesBothValues() {
        String wrong = TestZips.sha256(new byte[0]);

        int exit = run("download", "--dir", dir.toString(), "--url", url(), "--sha256", wrong.toUpperCase());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("error: " + dir.resolve("GLAMI-1M-dataset.zip.part")
                + ": sha256 mismatch: expected " + wrong + ", actual " + TestZips.sha256(zip));
        assertThat(dir.resolve("GLAMI-1M-dataset.zip.part")).hasBinaryContent(zip);
        assertThat(dir.resolve("GLAMI-1M-dataset")).doesNotExist();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownUrlNeedsAChecksumOrAnExplicitNoChecksum() {
        int exit = run("download", "--dir", dir.toString(), "--url", url());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--url " + url() + " is not a known GLAMI-1M source: give --sha256 HEX"
                + " or --md5 HEX to verify the download, or --no-checksum to take it unverified");
        assertThat(server.requests()).isEmpty();

        assertThat(run("download", "--dir", dir.toString(), "--url", url(), "--no-checksum")).isZero();
        assertThat(err.toString()).contains("Not verified GLAMI-1M-dataset.zip (" + zip.length + " bytes)");
    }

    @Test
    void anMd5IsAccepted() {
        assertThat(run("download", "--dir", dir.toString(), "--url", url(), "--md5", TestZips.md5(zip))).isZero();
        assertThat(err.toString()).contains("Verified GLAMI-1M-dataset.zip: " + zip.length + " bytes, md5 "
                + TestZips.md5(zip));
    }

    @Test
    void anExistingDatasetIsReplacedOnlyWithForce() throws IOException {
        Path dataset = dir.resolve("GLAMI-1M-dataset");
        Files.createDirectories(dataset);

        int exit = run("download", "--dir", dir.toString(), "--url", url(), "--sha256", TestZips.sha256(zip));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("error: " + dataset + " already exists; pass --force to replace it");
        assertThat(server.requests()).isEmpty();

        assertThat(run("download", "--dir", dir.toString(), "--url", url(), "--sha256", TestZips.sha256(zip),
                "--force")).isZero();
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
            err.getBuffer().setLength(0);
            String[] args = new String[cases[i].length + 3];
            args[0] = "download";
            args[1] = "--dir";
            args[2] = dir.toString();
            System.arraycopy(cases[i], 0, args, 3, cases[i].length);

            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", args)).contains(expected[i]);
        }
        assertThat(server.requests()).isEmpty();
        assertThat(dir).doesNotExist();
    }

    @Test
    void helpNamesTheKnownSources() {
        assertThat(run("download", "--help")).isZero();
        assertThat(out.toString())
                .contains("--variant=full|test-only", "--sha256=HEX", "--md5=HEX", "--no-checksum", "--force",
                        "GLAMI-1M-dataset--test-only.zip, 1,393,501,262 bytes,");
    }
}
