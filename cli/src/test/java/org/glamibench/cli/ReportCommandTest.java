package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glamibench.testing.AdapterJars;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.eval.TestDataset;
import org.glamibench.run.RunJsonSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glami-bench report} on a finished run of 12 items (cz, sk, ro, gr in turn), one of which
 * the adapter failed on: top-1 7 of 12, by language 1, 2, 2 and 2 of 3.
 */
class ReportCommandTest {
    @TempDir
    static Path dir;
    static Path runDir;

    @BeforeAll
    static void writeARun() {
        List<GlamiRow> items = new ArrayList<>(TestDataset.items(12));
        items.set(4, TestDataset.breaking(items.get(4), "nan"));
        Path data = TestDataset.write(dir, items);
        CommandRun run = CommandRun.of("eval", "--data", data.toString(), "--out", dir.resolve("runs").toString(),
                "--in-process", "--adapter-jar", AdapterJars.scripted().toString(), "--adapter", "scripted", "--run-id", "reported",
                "--threads", "1");
        assertThat(run.exitCode()).as("%s", run).isZero();
        runDir = dir.resolve("runs/reported");
        RunJsonSchema.assertValid(runDir);
    }

    @Test
    void theReportShowsTheOverallMetricsTheLanguagesTheWorstClassesAndTheErrors() {
        CommandRun run = CommandRun.of("report", runDir.toString());

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).startsWith("Run reported\n\nadapter scripted 1.2 (TEXT, PROBABILITIES) from "
                + "scripted-adapter.jar; device cpu\n");
        assertThat(run.out()).contains("""

                Overall
                -------
                  metric             value
                  top1               0.5833
                """);
        assertThat(run.out()).contains("""

                Languages
                ---------
                  geo  country   items  top-1   top-5
                  cz   Czechia   3      0.3333  0.6667
                  sk   Slovakia  3      0.6667  0.6667
                  ro   Romania   3      0.6667  1.0000
                  gr   Greece    3      0.6667  0.6667
                """);
        assertThat(run.out()).contains("\nWorst classes (by F1, classes with support)\n"
                + "-".repeat(43) + "\n"
                + "  category  name            support  precision  recall  F1\n"
                + "  55        socks           2        0.0000     0.0000  0.0000\n");
        assertThat(run.out()).contains("""

                Errors
                ------
                0 input errors, 1 adapter errors (counted as wrong)
                  item  status         message
                  1005  adapter_error  adapter scripted: score 0 is NaN
                """);
    }

    @Test
    void markdownGoesToTheGivenFile() throws Exception {
        Path markdown = dir.resolve("report.md");

        CommandRun run = CommandRun.of("report", runDir.toString(), "--markdown", markdown.toString());

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).endsWith("markdown written to " + markdown + "\n");
        String text = Files.readString(markdown);
        assertThat(text).startsWith("# Run reported\n\n");
        assertThat(text).contains("""
                ## Overall

                | metric | value |
                | --- | --- |
                | top1 | 0.5833 |
                """);
        assertThat(text).contains("""
                ## Languages

                | geo | country | items | top-1 | top-5 |
                | --- | --- | --- | --- | --- |
                | cz | Czechia | 3 | 0.3333 | 0.6667 |
                | sk | Slovakia | 3 | 0.6667 | 0.6667 |
                | ro | Romania | 3 | 0.6667 | 1.0000 |
                | gr | Greece | 3 | 0.6667 | 0.6667 |
                """);
        assertThat(text).contains("## Worst classes (by F1, classes with support)\n\n"
                + "| category | name | support | precision | recall | F1 |\n| --- | --- | --- | --- | --- | --- |\n"
                + "| 55 | socks | 2 | 0.0000 | 0.0000 | 0.0000 |\n");
        assertThat(text).endsWith("| item | status | message |\n| --- | --- | --- |\n"
                + "| 1005 | adapter_error | adapter scripted: score 0 is NaN |\n");
    }

    @Test
    void aFolderWithoutRunJsonIsNotAFinishedRun() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        CommandRun run = CommandRun.of("report", empty.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + empty + ": no run.json (not a finished run folder)\n");
    }
}
