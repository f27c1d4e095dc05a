package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glamibench.cli.EvalCli.eval;
import static org.glamibench.cli.EvalCli.evalOk;
import static org.glamibench.cli.EvalCli.runJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glamibench.cli.CommandRun;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.StoredPredictions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.glamibench.eval.ItemSelection;
import org.glamibench.eval.TestDataset;

/** {@code --limit} and {@code --subset} through the command line, on 40 items: 20 cz, 12 sk, 6 ro, 2 gr. */
class SelectionCommandTest {
    private static final List<GlamiRow> ITEMS = items();

    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path out;

    @BeforeAll
    static void writeData() {
        data = TestDataset.write(shared, ITEMS);
    }

    /** cz, sk, ro, gr in turn while each has rows left. */
    private static List<GlamiRow> items() {
        Geo[] geos = {Geo.CZ, Geo.SK, Geo.RO, Geo.GR};
        int[] left = {20, 12, 6, 2};
        List<GlamiRow> rows = new ArrayList<>();
        for (int i = 0; rows.size() < 40; i++) {
            int g = i % 4;
            if (left[g]-- > 0) {
                int category = TestDataset.CATEGORIES.get(rows.size() % 7);
                rows.add(TestDataset.item(1001 + rows.size(), geos[g], category, category, ""));
            }
        }
        return rows;
    }

    @Test
    void limitScoresTheFirstRows() throws Exception {
        evalOk(data, out, "--adapter", "random", "--limit", "7");

        Path runDir = onlyRun(out);
        assertThat(runDir.getFileName().toString()).matches("random-test-[0-9a-f]{8}-limit7");
        assertThat(itemIds(runDir)).containsExactly(1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L);
        JsonNode json = runJson(runDir);
        assertThat(json.at("/settings/limit").asInt()).isEqualTo(7);
        assertThat(json.at("/settings/subset").isNull()).isTrue();
        assertThat(json.at("/dataset/rows").asInt()).isEqualTo(40);
        assertThat(json.at("/dataset/scored_rows").asInt()).isEqualTo(7);
        assertThat(json.at("/metrics/n").asInt()).isEqualTo(7);
    }

    @Test
    void aSubsetIsStratifiedByGeoTheSameEveryTimeAndChangesWithTheSeed() throws Exception {
        evalOk(data, out, "--adapter", "random", "--subset", "11", "--seed", "1");
        evalOk(data, out, "--adapter", "random", "--subset", "11", "--seed", "1", "--run-id", "again");
        evalOk(data, out, "--adapter", "random", "--subset", "11", "--seed", "2", "--run-id", "seed2");

        Path runDir;
        try (Stream<Path> runs = Files.list(out)) {
            runDir = runs.filter(dir -> dir.getFileName().toString().startsWith("random-")).findFirst().orElseThrow();
        }
        assertThat(runDir.getFileName().toString()).matches("random-test-[0-9a-f]{8}-subset11-seed1");
        List<Long> subset = itemIds(runDir);
        assertThat(subset).hasSize(11).isSorted()
                .isEqualTo(ItemSelection.stratified(ITEMS, 11, 1).stream().map(GlamiRow::itemId).toList());
        assertThat(itemIds(out.resolve("again"))).isEqualTo(subset);
        assertThat(itemIds(out.resolve("seed2"))).hasSize(11).isNotEqualTo(subset);

        // Shares 5.5, 3.3, 1.65, 0.55 of 11: 5 cz, 3 sk, then the two left over to ro and gr.
        Map<String, Integer> expected = Map.of("cz", 5, "sk", 3, "ro", 2, "gr", 1);
        for (Path run : List.of(runDir, out.resolve("again"), out.resolve("seed2"))) {
            JsonNode json = runJson(run);
            assertThat(perLanguageN(json)).as("%s", run).isEqualTo(expected);
            assertThat(json.at("/settings/subset").asInt()).isEqualTo(11);
            assertThat(json.at("/dataset/scored_rows").asInt()).isEqualTo(11);
        }
        assertThat(runJson(out.resolve("seed2")).at("/settings/seed").asLong()).isEqualTo(2);
    }

    @Test
    void limitAndSubsetExcludeEachOther() {
        CommandRun run = eval(data, out, "--adapter", "random", "--limit", "5", "--subset", "5");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --limit and --subset exclude each other\n");
    }

    private static Path onlyRun(Path out) throws Exception {
        try (Stream<Path> runs = Files.list(out)) {
            List<Path> all = runs.filter(Files::isDirectory).filter(dir -> !dir.endsWith("cache")).toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static List<Long> itemIds(Path runDir) {
        return StoredPredictions.read(runDir).rows().stream().map(PredictionRow::itemId).toList();
    }

    private static Map<String, Integer> perLanguageN(JsonNode json) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        json.at("/metrics/per_language").properties().forEach(e -> counts.put(e.getKey(), e.getValue().get("n").asInt()));
        return counts;
    }
}
