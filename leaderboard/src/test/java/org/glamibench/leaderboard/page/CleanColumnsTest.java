package org.glamibench.leaderboard.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glamibench.files.JsonFiles;
import org.glamibench.leaderboard.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board's "clean top-1 (95% CI)" and "leaked top-1" columns, checked against top-1 computed here
 * from each run's predictions.csv and the leakage file's item list.
 */
class CleanColumnsTest {
    private static final List<String> RUNS = List.of("prior", "random");

    @TempDir
    static Path tmp;
    static Path results;
    static Path leakage;

    @BeforeAll
    static void sampleRunsAndLeakage() {
        Path data = tmp.resolve("sample");
        assertThat(Cli.run("sample", "--out", data.toString(), "--train", "600", "--test", "200", "--seed", "5",
                "--distinct-photos", "--plant-twins", "20").exitCode()).isZero();
        results = tmp.resolve("results");
        for (String adapter : RUNS) {
            Cli eval = Cli.run("eval", "--adapter", adapter, "--data", data.toString(), "--out",
                    results.resolve("runs").toString(), "--run-id", adapter);
            assertThat(eval.exitCode()).as(eval.err()).isZero();
        }
        leakage = tmp.resolve("leakage");
        Cli run = Cli.run("leakage", "--data", data.toString(), "--out", leakage.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void theCleanAndLeakedColumnsAreTopOneOnTheCleanAndLeakedItems() throws IOException {
        Path without = tmp.resolve("without");
        assertThat(Cli.run("leaderboard", "--results", results.toString(), "--out", without.toString()).exitCode()).isZero();
        for (String page : pages(without)) {
            assertThat(page).doesNotContain("clean top-1").doesNotContain("leaked top-1");
        }

        Path with = tmp.resolve("with");
        Cli board = Cli.run("leaderboard", "--results", results.toString(), "--out", with.toString(),
                "--leakage", leakage.resolve("leakage.json").toString());
        assertThat(board.exitCode()).as(board.err()).isZero();
        Set<String> clean = new HashSet<>();
        Set<String> leaked = new HashSet<>();
        for (JsonNode item : JsonFiles.MAPPER.readTree(leakage.resolve("leakage.json").toFile()).get("items")) {
            (item.get("clean").asBoolean() ? clean : leaked).add(item.get("item_id").asText());
        }
        assertThat(clean).hasSize(200 - leaked.size());
        assertThat(leaked).isNotEmpty();
        String markdown = pages(with).get(0);
        String html = pages(with).get(1);
        assertThat(markdown).contains("| tier | model | run | top-1 (95% CI) | clean top-1 (95% CI) | leaked top-1 | top-5 |");
        for (String run : RUNS) {
            String cleanTop1 = rate(topOne(run, clean));
            String leakedTop1 = rate(topOne(run, leaked));
            Matcher row = Pattern.compile("\\| `" + run + "` \\| [^|]+ \\| " + Pattern.quote(cleanTop1)
                    + " \\((\\d\\.\\d{4})–(\\d\\.\\d{4})\\) \\| " + Pattern.quote(leakedTop1) + " \\|").matcher(markdown);
            assertThat(row.find()).as(run + " row with clean " + cleanTop1 + ", leaked " + leakedTop1 + " in\n" + markdown).isTrue();
            assertThat(Double.parseDouble(row.group(1))).isLessThanOrEqualTo(Double.parseDouble(cleanTop1));
            assertThat(Double.parseDouble(row.group(2))).isGreaterThanOrEqualTo(Double.parseDouble(cleanTop1));
            assertThat(html).contains("<td>" + cleanTop1 + " (" + row.group(1) + "–" + row.group(2) + ")</td><td>"
                    + leakedTop1 + "</td>");
        }
    }

    @Test
    void aLeakageFileOfAnotherTestSplitIsBadUsage() throws IOException {
        Path other = tmp.resolve("other.json");
        Files.writeString(other, "{\"manifest_sha256\": \"" + "ab".repeat(32) + "\", \"max_distance\": 10, \"items\": []}");
        Cli board = Cli.run("leaderboard", "--results", results.toString(), "--out", tmp.resolve("bad").toString(),
                "--leakage", other.toString());
        String manifest = JsonFiles.MAPPER.readTree(leakage.resolve("leakage.json").toFile()).get("manifest_sha256").asText();
        assertThat(board.exitCode()).isEqualTo(2);
        assertThat(board.err()).contains(other.toString(), "ab".repeat(32), manifest);
    }

    private static List<String> pages(Path out) throws IOException {
        return List.of(Files.readString(out.resolve(LeaderboardPage.MARKDOWN), StandardCharsets.UTF_8),
                Files.readString(out.resolve(LeaderboardPage.HTML), StandardCharsets.UTF_8));
    }

    /** The run's top-1 on {@code items}, from its predictions.csv. */
    private static double topOne(String run, Set<String> items) throws IOException {
        List<String> lines = Files.readAllLines(results.resolve("runs").resolve(run).resolve("predictions.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int hits = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (items.contains(f[header.indexOf("item_id")]) && f[header.indexOf("pred_1")].equals(f[header.indexOf("category")])) {
                hits++;
            }
        }
        return (double) hits / items.size();
    }

    private static String rate(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
