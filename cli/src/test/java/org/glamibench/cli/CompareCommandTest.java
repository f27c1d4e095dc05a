package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.cli.EvalCli.evalOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.glamibench.files.JsonFiles;
import org.glamibench.testing.AdapterJars;
import org.glamibench.cli.CommandRun;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.stats.McNemarTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.glamibench.stats.Holm;
import org.glamibench.eval.TestDataset;

class CompareCommandTest {
    private static final List<GlamiRow> ITEMS = TestDataset.items(42);

    @TempDir
    static Path shared;
    static Path data;
    static Path scripted;
    static Path prior;

    @BeforeAll
    static void runBoth() {
        data = TestDataset.write(shared, ITEMS);
        evalOk(data, shared.resolve("runs"), "--in-process", "--adapter-jar", AdapterJars.scripted().toString(), "--adapter",
                "scripted", "--run-id", "scripted");
        evalOk(data, shared.resolve("runs"), "--adapter", "prior", "--run-id", "prior");
        scripted = shared.resolve("runs/scripted");
        prior = shared.resolve("runs/prior");
    }

    @Test
    void countsDiscordantItemsAndTestsThemExactly() throws IOException {
        // The scripted adapter guesses right except at every third position; prior always says 22.
        long aOnly = 0;
        long bOnly = 0;
        long czA = 0;
        long czB = 0;
        for (int i = 0; i < ITEMS.size(); i++) {
            boolean a = i % 3 != 2;
            boolean b = ITEMS.get(i).category() == 22;
            aOnly += a && !b ? 1 : 0;
            bOnly += b && !a ? 1 : 0;
            if (ITEMS.get(i).geo() == Geo.CZ) {
                czA += a && !b ? 1 : 0;
                czB += b && !a ? 1 : 0;
            }
        }
        CommandRun run = CommandRun.of("compare", scripted.toString(), prior.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JsonFiles.MAPPER.readTree(run.out());
        JsonNode overall = json.get("overall");
        assertThat(overall.get("items").asLong()).isEqualTo(42);
        assertThat(overall.get("a_only").asLong()).isEqualTo(aOnly);
        assertThat(overall.get("b_only").asLong()).isEqualTo(bOnly);
        assertThat(overall.get("p_value").asDouble()).isEqualTo(McNemarTest.twoSided(aOnly, bOnly));
        JsonNode cz = json.get("per_language").get("cz");
        assertThat(cz.get("a_only").asLong()).isEqualTo(czA);
        assertThat(cz.get("b_only").asLong()).isEqualTo(czB);
        // Four geos with items: Holm multiplies the smallest p-value by 4 (capped at 1).
        double smallest = 1;
        for (JsonNode geo : json.get("per_language")) {
            smallest = Math.min(smallest, geo.get("p_value").asDouble());
        }
        double holmOfSmallest = 1;
        for (JsonNode geo : json.get("per_language")) {
            if (geo.get("p_value").asDouble() == smallest) {
                holmOfSmallest = geo.get("p_value_holm").asDouble();
            }
        }
        assertThat(holmOfSmallest).isEqualTo(Math.min(1, 4 * smallest));
        JsonNode difference = json.get("top1_difference");
        assertThat(difference.get("estimate").asDouble()).isEqualTo((aOnly - bOnly) / 42.0);
        assertThat(difference.get("lower").asDouble()).isLessThanOrEqualTo(difference.get("estimate").asDouble());
        assertThat(difference.get("upper").asDouble()).isGreaterThanOrEqualTo(difference.get("estimate").asDouble());
    }

    @Test
    void refusesRunsOnAnotherTestSet() {
        Path otherData = TestDataset.write(shared.resolve("other"), TestDataset.items(41));
        evalOk(otherData, shared.resolve("other-runs"), "--adapter", "prior", "--run-id", "prior");

        CommandRun run = CommandRun.of("compare", prior.toString(), shared.resolve("other-runs/prior").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: runs on different test sets are not comparable: prior has manifest ");
    }

    @Test
    void printsATable() {
        CommandRun run = CommandRun.of("compare", scripted.toString(), prior.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("A = scripted", "B = prior", "top-1 difference A - B:", "p (Holm)", "\nall ");
    }
}
