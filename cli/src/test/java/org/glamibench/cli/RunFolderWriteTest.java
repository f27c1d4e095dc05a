package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.cli.EvalCli.eval;
import static org.glamibench.cli.EvalCli.evalOk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A run folder that cannot be written is a clear error: which file, and why, in words. */
class RunFolderWriteTest extends TwentyItemDataset {
    @Test
    void aRunIdNamingAFileIsRefused() throws IOException {
        Path file = Files.writeString(out.resolve("notes"), "mine");

        CommandRun run = eval(data, out, "--adapter", "random", "--run-id", "notes");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + file + " is a file, not a run folder; give another --run-id or --out\n");
        assertThat(file).hasContent("mine");
    }

    @Test
    void anOutUnderAFileIsNotADirectory() throws IOException {
        Path file = Files.writeString(out.resolve("notes"), "mine");

        CommandRun run = eval(data, file.resolve("runs"), "--adapter", "random", "--run-id", "r");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: cannot prepare the run folder " + file.resolve("runs").resolve("r")
                + ": not a directory\n");
    }

    @Test
    void aReadOnlyOutIsPermissionDenied() throws IOException {
        Path readOnly = Files.createDirectory(out.resolve("read-only"));
        makeReadOnly(readOnly);

        CommandRun run = eval(data, readOnly, "--adapter", "random", "--run-id", "r");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: cannot prepare the run folder " + readOnly.resolve("r")
                + ": permission denied\n");
    }

    @Test
    void aReadOnlyRunFolderIsPermissionDenied() throws IOException {
        evalOk(data, out, "--adapter", "random", "--run-id", "r");
        Path runDir = out.resolve("r");
        makeReadOnly(runDir);

        CommandRun run = eval(data, out, "--adapter", "random", "--run-id", "r", "--force");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: cannot prepare the run folder " + runDir + ": permission denied\n");
        assertThat(runDir.resolve("run.json")).exists();
    }

    /** Takes away write permission; skips the test where that does not stop writes (as root). */
    private static void makeReadOnly(Path folder) throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        Assumptions.assumeFalse(Files.isWritable(folder), "write permission does not bind here (root)");
    }
}
