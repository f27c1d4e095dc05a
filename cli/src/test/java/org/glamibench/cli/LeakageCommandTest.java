package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.glamibench.files.JsonFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glami-bench leakage} on a small {@code --distinct-photos} sample with 20 planted twins,
 * and the clean-subset lines it adds to {@code report} and {@code compare}.
 */
class LeakageCommandTest {
    @TempDir
    static Path tmp;
    static Path data;
    static Path out;
    static JsonNode printed;

    @BeforeAll
    static void findLeakage() throws IOException {
        data = tmp.resolve("sample");
        assertThat(CommandRun.of("sample", "--out", data.toString(), "--train", "600", "--test", "200", "--seed", "5",
                "--distinct-photos", "--plant-twins", "20").exitCode()).isZero();
        out = tmp.resolve("leakage");
        CommandRun run = CommandRun.of("leakage", "--data", data.toString(), "--out", out.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        printed = JsonFiles.MAPPER.readTree(run.out());
    }

    @Test
    void printsTheSummaryObjectAndWritesTheFiles() throws IOException {
        List<String> keys = new ArrayList<>();
        printed.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("manifest_sha256", "test_items", "max_distance", "photo_twins", "text_twins",
                "test_duplicate_groups", "per_geo");
        assertThat(printed.get("test_items").asInt()).isEqualTo(200);
        assertThat(printed.get("max_distance").asInt()).isEqualTo(10);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("leakage.json", "leakage.md",
                    "distance-histogram.png", "leaked-per-geo.png", "leaked-per-class.png");
        }
        JsonNode file = JsonFiles.MAPPER.readTree(out.resolve("leakage.json").toFile());
        assertThat(file.get("manifest_sha256")).isEqualTo(printed.get("manifest_sha256"));
        assertThat(file.get("items")).hasSize(200);
        // The planted twins are listed with their train items in the summary's pairs: 19 of the 20
        // (the rates are asserted on a larger sample by the sample module's PlantedTwinsDetectionTest).
        List<String> planted = Files.readAllLines(data.resolve("GLAMI-1M-dataset/PLANTED-TWINS.csv"));
        Set<String> pairs = new HashSet<>();
        printed.get("photo_twins").forEach(p -> pairs.add(p.get("test_item").asText() + "," + p.get("train_item").asText()));
        printed.get("text_twins").forEach(p -> pairs.add(p.get("test_item").asText() + "," + p.get("train_item").asText()));
        long found = planted.subList(1, planted.size()).stream()
                .map(line -> line.split(",", -1)).filter(f -> pairs.contains(f[0] + "," + f[1])).count();
        assertThat(planted).hasSize(21);
        assertThat(found).isEqualTo(19);
    }

    @Test
    void reportAndCompareShowTopOneOnTheCleanSubsetOnlyWithALeakageFile() throws IOException {
        Path runs = tmp.resolve("runs");
        assertThat(CommandRun.of("eval", "--adapter", "prior", "--data", data.toString(), "--out", runs.toString(),
                "--run-id", "prior").exitCode()).isZero();
        Path run = runs.resolve("prior");
        // Independently: prior's hits among the clean items, from predictions.csv and leakage.json.
        JsonNode items = JsonFiles.MAPPER.readTree(out.resolve("leakage.json").toFile()).get("items");
        Set<String> clean = new HashSet<>();
        items.forEach(i -> {
            if (i.get("clean").asBoolean()) {
                clean.add(i.get("item_id").asText());
            }
        });
        int hits = 0;
        List<String> lines = Files.readAllLines(run.resolve("predictions.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (clean.contains(f[header.indexOf("item_id")])
                    && f[header.indexOf("pred_1")].equals(f[header.indexOf("category")])) {
                hits++;
            }
        }
        String expected = String.format(java.util.Locale.ROOT, "clean   %.4f [", (double) hits / clean.size());

        CommandRun plain = CommandRun.of("report", run.toString());
        assertThat(plain.out()).doesNotContain("Leakage").doesNotContain("clean");
        CommandRun withFile = CommandRun.of("report", run.toString(), "--leakage", out.resolve("leakage.json").toString());
        assertThat(withFile.exitCode()).as(withFile.err()).isZero();
        assertThat(withFile.out()).contains("Leakage", expected,
                String.format(java.util.Locale.ROOT, "on %,d items", clean.size()));

        CommandRun compare = CommandRun.of("compare", run.toString(), run.toString(), "--leakage",
                out.resolve("leakage.json").toString());
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        assertThat(compare.out()).contains("top-1 on the clean test items");
        assertThat(CommandRun.of("compare", run.toString(), run.toString()).out()).doesNotContain("clean");
    }
}
