package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages of bad option values name the option; help texts print cleanly. */
class UsageMessagesTest {
    @TempDir
    Path out;

    @Test
    void threadsZeroNamesThreads() {
        CommandRun eval = CommandRun.of("eval", "--adapter", "prior", "--threads", "0", "--out", out.toString());
        CommandRun train = CommandRun.of("train", "--model", "text", "--threads", "0", "--out", out.toString());

        assertThat(eval.exitCode()).as("%s", eval).isEqualTo(2);
        assertThat(eval.err()).isEqualTo("error: --threads must be at least 1, got 0\n");
        assertThat(train.exitCode()).as("%s", train).isEqualTo(2);
        assertThat(train.err()).startsWith("--threads must be at least 1, got 0\nUsage: glami-bench train ");
    }

    @Test
    void aFileSystemFailureIsNamedWithItsReasonInWords() throws java.io.IOException {
        Path notes = java.nio.file.Files.writeString(out.resolve("notes"), "mine");

        CommandRun sample = CommandRun.of("sample", "--out", notes.resolve("data").toString(), "--no-images");

        assertThat(sample.exitCode()).as("%s", sample).isEqualTo(2);
        assertThat(sample.err()).isEqualTo("error: " + notes.resolve("data") + ": not a directory\n");
    }

    @Test
    void trainHelpPrintsWithoutAFormatWarning() {
        CommandRun help = CommandRun.of("train", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(help.out()).contains("About 10% of the train rows (chosen by image) are held out for validation.");
    }
}
