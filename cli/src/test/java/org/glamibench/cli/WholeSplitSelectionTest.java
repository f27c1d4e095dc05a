package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.cli.EvalCli.evalOk;
import static org.glamibench.cli.EvalCli.runJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A --limit or --subset not below the split's size scores the whole split, named and recorded as a full run. */
class WholeSplitSelectionTest extends TwentyItemDataset {
    @Test
    void aLimitOrSubsetAtOrAboveTheSplitIsAFullRunWithAWarning() throws IOException {
        CommandRun full = evalOk(data, out, "--adapter", "random");
        String fullRun = onlyRun();

        CommandRun limit = evalOk(data, out, "--adapter", "random", "--limit", "50", "--force");
        CommandRun subset = evalOk(data, out, "--adapter", "random", "--subset", "20", "--force");

        assertThat(full.err()).doesNotContain("warning");
        assertThat(limit.err()).contains("warning: --limit 50 is not below the 20 items of the test split: "
                + "scoring all of them, as a full run\n");
        assertThat(subset.err()).contains("warning: --subset 20 is not below the 20 items of the test split: "
                + "scoring all of them, as a full run\n");
        assertThat(onlyRun()).isEqualTo(fullRun).matches("random-test-[0-9a-f]{8}");
        JsonNode json = runJson(out.resolve(fullRun));
        assertThat(json.at("/settings/limit").isNull()).isTrue();
        assertThat(json.at("/settings/subset").isNull()).isTrue();
        assertThat(json.at("/dataset/scored_rows").asLong()).isEqualTo(20);
    }

    @Test
    void aLimitBelowTheSplitKeepsItsName() throws IOException {
        CommandRun limit = evalOk(data, out, "--adapter", "random", "--limit", "19");

        assertThat(limit.err()).doesNotContain("warning");
        assertThat(onlyRun()).matches("random-test-[0-9a-f]{8}-limit19");
    }

    private String onlyRun() throws IOException {
        try (Stream<Path> runs = Files.list(out)) {
            List<String> names = runs.map(run -> run.getFileName().toString()).filter(name -> !name.equals("cache")).toList();
            assertThat(names).hasSize(1);
            return names.get(0);
        }
    }
}
