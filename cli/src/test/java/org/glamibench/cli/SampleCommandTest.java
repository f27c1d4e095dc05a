package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SampleCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = GlamiBench.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void writesASampleAndSaysWhatItWrote() {
        int exit = run("sample", "--out", tmp.toString(), "--train", "30", "--test", "20", "--seed", "3", "--no-images");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("sample: 30 train + 20 test rows, 0 images in "
                + tmp.resolve("GLAMI-1M-dataset"));
        assertThat(out.toString().lines()).hasSize(1);
        assertThat(tmp.resolve("GLAMI-1M-dataset/GLAMI-1M-test.csv")).isRegularFile();
        assertThat(tmp.resolve("GLAMI-1M-dataset/images")).doesNotExist();
    }

    @Test
    void refusesAnExistingDatasetWithoutForce() throws Exception {
        assertThat(run("sample", "--out", tmp.toString(), "--train", "30", "--test", "20", "--no-images")).isZero();
        byte[] before = Files.readAllBytes(tmp.resolve("GLAMI-1M-dataset/GLAMI-1M-train.csv"));
        assertThat(run("sample", "--out", tmp.toString(), "--train", "40", "--test", "20", "--no-images")).isEqualTo(2);
        assertThat(err.toString()).contains("already exists", "--force");
        assertThat(tmp.resolve("GLAMI-1M-dataset/GLAMI-1M-train.csv")).hasBinaryContent(before);
        assertThat(run("sample", "--out", tmp.toString(), "--train", "40", "--test", "20", "--no-images", "--force")).isZero();
        assertThat(out.toString()).contains("sample: 40 train + 20 test rows");
        assertThat(Files.readAllBytes(tmp.resolve("GLAMI-1M-dataset/GLAMI-1M-train.csv"))).isNotEqualTo(before);
    }

    @Test
    void photoOptionsWithoutImagesAreUsageErrors() {
        assertThat(run("sample", "--out", tmp.toString(), "--test", "20", "--no-images", "--distinct-photos")).isEqualTo(2);
        assertThat(err.toString()).contains("--distinct-photos makes photos: give it without --no-images");
        assertThat(run("sample", "--out", tmp.toString(), "--test", "20", "--no-images", "--plant-twins", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("--plant-twins makes photos: give it without --no-images");
        assertThat(tmp.resolve("GLAMI-1M-dataset")).doesNotExist();
    }

    @Test
    void badSizesAreUsageErrors() throws Exception {
        assertThat(run("sample", "--out", tmp.toString(), "--train", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("train rows must be 1..10000000, not -1");
        assertThat(run("sample", "--out", tmp.toString(), "--test", "0")).isEqualTo(2);
        assertThat(run("sample", "--out", tmp.toString(), "--threads", "0")).isEqualTo(2);
        assertThat(run("sample", "--out", tmp.toString(), "--train", "many")).isEqualTo(2);
        assertThat(run("sample", "--train", "10")).isEqualTo(2);
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThat(run("sample", "--out", file.toString(), "--train", "10", "--test", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("is not a folder");
        try (var children = Files.list(tmp)) {
            assertThat(children.map(p -> p.getFileName().toString())).containsExactly("file");
        }
    }

    @Test
    void helpDescribesEveryOption() {
        assertThat(run("sample", "--help")).isZero();
        assertThat(out.toString()).contains("--out=DIR", "--train=N", "--test=N", "--seed=S", "--no-images",
                "--threads=T", "--force", "default: 20000", "default: 5000", "default: 1");
    }
}
