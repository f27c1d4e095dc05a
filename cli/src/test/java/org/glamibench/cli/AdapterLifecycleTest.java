package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.cli.EvalCli.eval;
import static org.glamibench.cli.EvalCli.evalOk;
import static org.glamibench.cli.EvalCli.runJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glamibench.testing.AdapterJars;
import org.glamibench.cli.CommandRun;
import org.glamibench.dataset.GlamiRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.glamibench.eval.TestDataset;

/**
 * The adapter's lifecycle as the SPI states it: open once, then prepare, then close once, with no
 * prepare after close, also when the run stops early while the input pipeline is preparing
 * batches ahead. The scripted adapter journals every call.
 */
class AdapterLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void aRunOpensPreparesEveryItemOnceAndCloses() throws Exception {
        List<GlamiRow> items = TestDataset.items(12);
        Path data = TestDataset.write(dir, items);
        Path journal = dir.resolve("journal.txt");

        evalOk(data, dir.resolve("runs"), "--in-process", "--adapter-jar", AdapterJars.scripted().toString(), "--adapter", "scripted",
                "--batch", "5", "--adapter-option", "journal=" + journal, "--run-id", "journaled");

        List<String> calls = Files.readAllLines(journal);
        assertThat(calls).hasSize(14);
        assertThat(calls.get(0)).isEqualTo("opened");
        assertThat(calls.subList(1, 13)).containsExactlyInAnyOrderElementsOf(
                items.stream().map(item -> "prepared " + item.name()).toList());
        assertThat(calls.get(13)).isEqualTo("closed");
        assertThat(runJson(dir.resolve("runs/journaled")).at("/settings/adapter_options/journal").asText())
                .isEqualTo(journal.toString());
    }

    @Test
    void aRunStoppedEarlyClosesTheAdapterOnlyOnceNothingIsBeingPrepared() throws Exception {
        List<GlamiRow> items = new ArrayList<>(TestDataset.items(12));
        items.set(2, TestDataset.breaking(items.get(2), "nan"));
        Path data = TestDataset.write(dir, items);
        Path journal = dir.resolve("journal.txt");

        CommandRun run = eval(data, dir.resolve("runs"), "--in-process", "--adapter-jar", AdapterJars.scripted().toString(),
                "--adapter", "scripted", "--batch", "2", "--fail-fast", "--adapter-option", "prepare-ms=20",
                "--adapter-option", "journal=" + journal);

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.err()).startsWith("error: item 1003: adapter_error: adapter scripted: score 0 is NaN");
        // Closing waits for the batches being prepared ahead; nothing is prepared after close.
        Thread.sleep(100);
        List<String> calls = Files.readAllLines(journal);
        assertThat(calls.get(0)).isEqualTo("opened");
        assertThat(calls.get(calls.size() - 1)).as("%s", calls).isEqualTo("closed");
        assertThat(calls).filteredOn("closed"::equals).hasSize(1);
    }
}
