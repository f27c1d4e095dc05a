package org.glamibench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.files.JsonFiles;
import org.glamibench.run.HarnessVersion;
import org.glamibench.store.PredictionRow;
import org.glamibench.store.StoredPredictions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glami-bench leaderboard} over a results folder of real runs (the suite's prior and
 * random), a forged good model, runs tampered with in each way, and a run on another test set.
 */
class LeaderboardTest {
    @TempDir
    static Path results;
    static Path runs;
    static ClassIndex classes;
    static Cli leaderboard;

    @BeforeAll
    static void buildTheBoard() throws IOException {
        runs = Files.createDirectories(results.resolve("runs"));
        Path prior = copy(SuiteWork.run("prior"), runs.resolve("prior"));
        copy(SuiteWork.run("random"), runs.resolve("random"));
        classes = StoredPredictions.read(prior).classIndex();
        Path good = ForgedRun.write(prior, runs, "good", row -> ForgedRun.predicting(row,
                row.itemId() % 10 == 0 ? ForgedRun.other(row.category(), classes) : row.category(), classes));
        // A model as good as 'good' but for two items: not significantly worse, the same tier.
        int[] turned = {0};
        ForgedRun.write(good, runs, "good-too", row -> row.itemId() % 10 != 0 && turned[0]++ < 2
                ? ForgedRun.predicting(row, ForgedRun.other(row.category(), classes), classes) : row);

        // good-too came from a jar that ran in a child JVM without the sandbox.
        Path unsandboxed = runs.resolve("good-too").resolve("run.json");
        ObjectNode jarRun = (ObjectNode) JsonFiles.MAPPER.readTree(unsandboxed.toFile());
        ((ObjectNode) jarRun.get("adapter")).put("jar", "good-too.jar").put("jar_sha256", "ab".repeat(32));
        ((ObjectNode) jarRun.get("settings")).put("isolation", "child").put("adapter_heap", "512m")
                .put("batch_timeout_seconds", 300);
        JsonFiles.MAPPER.writeValue(unsandboxed.toFile(), jarRun);

        Path edited = copy(good, runs.resolve("tampered-top1"));
        ObjectNode json = (ObjectNode) JsonFiles.MAPPER.readTree(edited.resolve("run.json").toFile());
        ((ObjectNode) json.get("metrics")).put("top1", 0.95);
        JsonFiles.MAPPER.writeValue(edited.resolve("run.json").toFile(), json);

        Files.delete(copy(good, runs.resolve("tampered-no-predictions")).resolve("predictions.csv"));

        Path changed = copy(good, runs.resolve("tampered-one-prediction"));
        swapFirstTwoPredictionsOfARightRow(changed.resolve("predictions.csv"));

        Path invalid = copy(good, runs.resolve("tampered-schema"));
        json = (ObjectNode) JsonFiles.MAPPER.readTree(invalid.resolve("run.json").toFile());
        ((ObjectNode) json.get("dataset")).put("manifest_sha256", "not a hash");
        JsonFiles.MAPPER.writeValue(invalid.resolve("run.json").toFile(), json);

        Path other = Files.createDirectories(results.resolve("other-sample"));
        assertThat(Cli.run("sample", "--out", other.toString(), "--train", "300", "--test", "60", "--seed", "3",
                "--no-images").exitCode()).isZero();
        Cli eval = Cli.run("eval", "--data", other.toString(), "--adapter", "prior", "--out", runs.toString(),
                "--run-id", "prior-other-sample", "--threads", "1", "--cache", results.resolve("cache").toString());
        assertThat(eval.exitCode()).as(eval.err()).isZero();

        leaderboard = Cli.run("leaderboard", "--results", results.toString(), "--out", results.resolve("board").toString());
        assertThat(leaderboard.exitCode()).as(leaderboard.err()).isZero();
    }

    @Test
    void rejectsEveryTamperedRunWithAClearReason() throws IOException {
        Leaderboard board = Leaderboard.build(runs, new RunVerifier(null), Throughputs.none());
        Map<String, String> reasons = board.rejected().stream()
                .collect(Collectors.toMap(Leaderboard.Rejection::folder, Leaderboard.Rejection::reason));

        assertThat(reasons).containsOnlyKeys("tampered-top1", "tampered-no-predictions", "tampered-one-prediction",
                "tampered-schema");
        assertThat(reasons.get("tampered-top1")).startsWith("metrics.top1 is 0.95 in run.json, but 0.9")
                .endsWith("when recomputed from the stored predictions");
        assertThat(reasons.get("tampered-no-predictions")).isEqualTo("predictions.csv is missing: its metrics cannot be recomputed");
        assertThat(reasons.get("tampered-one-prediction")).matches(
                "metrics.top1_hits is \\d+ in run.json, but \\d+ when recomputed from the stored predictions");
        assertThat(reasons.get("tampered-schema")).startsWith("run.json does not match run.schema.json: ")
                .contains("manifest_sha256");
        assertThat(reasons.values()).noneMatch(reason -> reason.contains(results.toString()));
        assertThat(ranked(board)).doesNotContain("tampered-top1", "tampered-no-predictions", "tampered-one-prediction",
                "tampered-schema");
    }

    @Test
    void neverMixesTestSetsOnOneBoard() throws IOException {
        Leaderboard board = Leaderboard.build(runs, new RunVerifier(null), Throughputs.none());

        assertThat(board.boards()).hasSize(2);
        for (Board b : board.boards()) {
            assertThat(b.entries()).allSatisfy(e -> {
                assertThat(e.run().result().dataset().manifestSha256()).isEqualTo(b.key().manifestSha256());
                assertThat(e.run().outcomes().itemSetSha256()).isEqualTo(b.key().itemSetSha256());
            });
            assertThat(b.realTestSplit()).isFalse();
            assertThat(b.references()).isEmpty();
        }
        Board sample = board.boards().get(0);
        assertThat(sample.dataset().scoredRows()).isEqualTo(600);
        assertThat(sample.entries()).extracting(e -> e.run().runId()).containsExactly("good", "good-too", "prior", "random");
        // On this seeded sample prior (16 of 600 right) beats random (1 of 600) significantly, so each
        // leads a tier of its own below the two good runs.
        assertThat(sample.entries()).extracting(e -> e.placement().tier()).containsExactly(1, 1, 2, 3);
        assertThat(board.boards().get(1).entries()).extracting(e -> e.run().runId()).containsExactly("prior-other-sample");
    }

    @Test
    void writesTheMarkdownAndHtmlPagesWithTheirCharts() throws IOException {
        Path out = results.resolve("board");
        String markdown = Files.readString(out.resolve("README.md"), StandardCharsets.UTF_8);
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);

        assertThat(leaderboard.out()).contains("2 boards, 4 rejected", "rejected tampered-top1: metrics.top1 is 0.95");
        for (String page : List.of(markdown, html)) {
            assertThat(page).contains("GLAMI-1M leaderboard", "Rejected runs", "tampered-one-prediction",
                    "predictions.csv is missing", "Not the real GLAMI-1M test split", "How this board is made",
                    "good-too", "top-1 (95% CI)");
        }
        assertThat(markdown).containsPattern("\\| 1 \\| good v1 \\| `good` \\| 0\\.9\\d{3} \\(0\\.\\d{4}–0\\.\\d{4}\\) \\|");
        assertThat(markdown).contains("| `good-too` (not sandboxed) |", "| `prior` |", "| `random` |",
                "marked \"(not sandboxed)\": its code could read the test split's labels");
        assertThat(html).contains("<td><code>good-too</code> (not sandboxed)</td>", "<td><code>prior</code></td>");
        assertThat(html).contains("<table>", "<img src=\"charts/");
        List<Path> charts;
        try (Stream<Path> list = Files.list(out.resolve("charts"))) {
            charts = list.sorted().toList();
        }
        assertThat(charts).hasSize(4);
        for (Path chart : charts) {
            assertThat(ImageIO.read(chart.toFile()).getWidth()).isGreaterThan(500);
            assertThat(html).contains("charts/" + chart.getFileName());
        }
    }

    @Test
    void checksStoredLabelsAgainstTheDatasetWhenGiven() throws IOException {
        Path relabeled = Files.createDirectories(results.resolve("relabeled"));
        long firstItem = StoredPredictions.read(SuiteWork.run("prior")).rows().get(0).itemId();
        ForgedRun.write(SuiteWork.run("prior"), relabeled, "relabeled", row -> row.itemId() == firstItem
                ? PredictionRow.ok(row.itemId(), row.geo(), ForgedRun.other(row.category(), classes),
                        row.topCategories(), row.topScores())
                : row);

        assertThat(Leaderboard.build(relabeled, new RunVerifier(null), Throughputs.none()).rejected()).isEmpty();
        RunVerifier withData = new RunVerifier(TestSplitLabels.read(DatasetLayout.locate(SuiteWork.sample(), Map.of())));
        Leaderboard checked = Leaderboard.build(relabeled, withData, Throughputs.none());
        assertThat(checked.rejected()).singleElement().satisfies(r -> assertThat(r.reason())
                .startsWith("predictions.csv: item " + firstItem + " is stored with category ")
                .contains("but the dataset's label is"));
        assertThat(Leaderboard.build(runs, withData, Throughputs.none()).rejected()).hasSize(4);
    }

    @Test
    void aMismatchInARunOfAnotherHarnessVersionSaysSo() throws IOException {
        Path older = Files.createDirectories(results.resolve("older"));
        Path run = copy(runs.resolve("good"), older.resolve("good-older"));
        ObjectNode json = (ObjectNode) JsonFiles.MAPPER.readTree(run.resolve("run.json").toFile());
        ((ObjectNode) json.get("provenance")).put("harness_version", "0.0.9");
        ((ObjectNode) json.get("metrics")).put("macro_f1", 0.5);
        JsonFiles.MAPPER.writeValue(run.resolve("run.json").toFile(), json);

        assertThat(Leaderboard.build(older, new RunVerifier(null), Throughputs.none()).rejected()).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("metrics.macro_f1 is 0.5 in run.json, but ")
                        .endsWith(" (the run was made by harness 0.0.9, this is " + HarnessVersion.get() + ")"));
    }

    private static List<String> ranked(Leaderboard board) {
        List<String> ids = new ArrayList<>();
        board.boards().forEach(b -> b.entries().forEach(e -> ids.add(e.run().runId())));
        return ids;
    }

    /** Swaps pred_1 and pred_2 of the first row whose pred_1 is its category: one right item turns wrong. */
    private static void swapFirstTwoPredictionsOfARightRow(Path csv) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f[2].equals(f[3])) {
                String first = f[3];
                f[3] = f[4];
                f[4] = first;
                lines.set(i, String.join(",", f));
                Files.write(csv, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        throw new IllegalStateException("no right row in " + csv);
    }

    private static Path copy(Path run, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }
}
