package org.glamibench.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.testing.AdapterJars;
import org.glamibench.testing.ProjectRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code eval --spark local[2]} against a local run of the same request, on a small sample with
 * images: the built-ins prior and random, an image model trained here, and the example jar
 * adapter give the same predictions.csv byte for byte and the same run.json; either run resumes
 * the other; {@code sweep} writes verified runs and their board, and keeps them when given again. One Spark application serves
 * every test (each start costs seconds).
 */
class SparkEvalTest {
    private static final String MASTER = "local[2]";

    @TempDir
    static Path root;
    private static Path data;
    private static Path imageModel;
    private static JavaSparkContext spark;

    @BeforeAll
    static void sampleTrainAndStartSpark() {
        data = root.resolve("sample");
        SparkRuns.run("sample", "--train", "300", "--test", "150", "--out", data.toString()).succeeded();
        imageModel = root.resolve("models/image");
        SparkRuns.run("train", "--model", "image", "--epochs", "1", "--data", data.toString(), "--out",
                imageModel.toString(), "--threads", "2").succeeded();
        spark = SparkEvaluation.context(MASTER);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    static Stream<Arguments> adapters() {
        return Stream.of(
                Arguments.of("prior", List.of("--adapter", "prior")),
                Arguments.of("random", List.of("--adapter", "random", "--batch", "8", "--seed", "7")),
                Arguments.of("image", List.of("--adapter", "image", "--adapter-option", "model=" + root.resolve("models/image"),
                        "--batch", "8")),
                Arguments.of("example", List.of("--adapter-jar", AdapterJars.example().toString(), "--adapter",
                        "example-char-ngrams", "--batch", "16")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adapters")
    void aSparkRunEqualsTheLocalRun(String name, List<String> request) throws IOException {
        Path local = eval(request, "local-" + name);
        List<String> onSpark = new ArrayList<>(request);
        onSpark.addAll(List.of("--spark", MASTER));
        if (!name.equals("prior")) {
            onSpark.addAll(List.of("--partitions", "2"));
        }
        Path sparkRun = eval(onSpark, "spark-" + name);

        SparkRuns.assertSameRun(local, sparkRun);
        JsonNode execution = SparkRuns.runJson(sparkRun).get("execution");
        assertThat(execution.get("master").asText()).isEqualTo(MASTER);
        assertThat(execution.get("slots").asInt()).isEqualTo(2);
        int batches = (150 + SparkRuns.runJson(local).get("settings").get("batch").asInt() - 1)
                / SparkRuns.runJson(local).get("settings").get("batch").asInt();
        int partitions = name.equals("prior") ? 8 : 2;
        assertThat(execution.get("partitions").asInt()).isEqualTo(partitions);
        assertThat(execution.get("waves").asInt()).isEqualTo((batches + partitions * 8 - 1) / (partitions * 8));
        assertThat(execution.get("tasks").asInt()).isBetween(1, execution.get("waves").asInt() * partitions);
    }

    @Test
    void aSparkRunResumesALocalRunAndALocalRunASparkRun() throws IOException {
        List<String> request = List.of("--adapter", "random", "--batch", "8", "--seed", "3");
        Path whole = eval(request, "resume-reference");

        Path sparkResumed = interrupted(whole, "resume-spark", 40);
        List<String> onSpark = new ArrayList<>(request);
        onSpark.addAll(List.of("--spark", MASTER, "--partitions", "3"));
        SparkRuns.Run resumed = evalRun(onSpark, "resume-spark");
        assertThat(resumed.err()).contains("40 items already stored, 110 to go");
        assertThat(SparkRuns.runJson(sparkResumed).get("timing").get("resumed_items").asLong()).isEqualTo(40);
        assertThat(Files.readAllBytes(sparkResumed.resolve("predictions.csv")))
                .isEqualTo(Files.readAllBytes(whole.resolve("predictions.csv")));

        Path sparkWhole = eval(onSpark, "resume-spark-whole");
        Path localResumed = interrupted(sparkWhole, "resume-local", 72);
        assertThat(evalRun(request, "resume-local").err()).contains("72 items already stored, 78 to go");
        SparkRuns.assertSameRun(localResumed, sparkResumed);
        assertThat(SparkRuns.runJson(localResumed).get("metrics"))
                .isEqualTo(SparkRuns.runJson(whole).get("metrics"));
    }

    @Test
    void sweepWritesOneVerifiedRunPerAdapterAndTheirBoardUnderOut() throws IOException {
        Path out = root.resolve("sweep");
        SparkRuns.Run sweep = SparkRuns.run("sweep", "--spark", MASTER, "--data", data.toString(), "--adapters",
                "prior,random,example-char-ngrams", "--adapter-jar", AdapterJars.example().toString(), "--out",
                out.toString()).succeeded();

        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            assertThat(runs.map(run -> run.resolve("run.json")).filter(Files::isRegularFile).count()).isEqualTo(3);
        }
        assertThat(sweep.out()).contains("1 board, 0 rejected");
        String board = Files.readString(out.resolve("leaderboard/README.md"), StandardCharsets.UTF_8);
        assertThat(board).contains("prior").contains("random").contains("example-char-ngrams");

        SparkRuns.Run again = SparkRuns.run("sweep", "--spark", MASTER, "--data", data.toString(), "--adapters",
                "prior,random", "--out", out.toString()).succeeded();
        assertThat(again.out()).contains("prior: kept the completed run in " + out.resolve("runs"))
                .contains("random: kept the completed run in ").contains("1 board, 0 rejected");
    }

    @Test
    void sweepRunsEveryModelSpecOfAFolderAndSkipsTheTokenizer() throws IOException {
        Path exported = ProjectRoot.resolve("models/src/test/resources/exported");
        Path specs = Files.createDirectories(root.resolve("specs"));
        for (String file : List.of("text.onnx", "tokenizer.json")) {
            Files.copy(exported.resolve(file), specs.resolve(file));
        }
        String spec = Files.readString(exported.resolve("text.onnx.json"), StandardCharsets.UTF_8);
        Files.writeString(specs.resolve("checkpoint-1.json"), spec, StandardCharsets.UTF_8);
        Files.writeString(specs.resolve("checkpoint-2.json"), spec, StandardCharsets.UTF_8);
        Path textData = textDataset(root.resolve("text-data"));
        Path out = root.resolve("sweep-specs");

        SparkRuns.Run sweep = SparkRuns.run("sweep", "--spark", MASTER, "--data", textData.toString(), "--spec-dir",
                specs.toString(), "--out", out.toString()).succeeded();

        assertThat(sweep.out()).contains("exported: top-1 ").contains("1 board, 0 rejected");
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            List<Path> folders = runs.sorted().toList();
            assertThat(folders).extracting(run -> run.getFileName().toString())
                    .containsExactly("checkpoint-1", "checkpoint-2");
            assertThat(folders).allSatisfy(run -> assertThat(run.resolve("run.json")).isRegularFile());
        }
    }

    @Test
    void sweepRefusesASpecFolderWithoutSpecs() throws IOException {
        Path empty = Files.createDirectories(root.resolve("no-specs"));
        SparkRuns.Run sweep = SparkRuns.run("sweep", "--spark", MASTER, "--data", data.toString(), "--spec-dir",
                empty.toString(), "--out", root.resolve("sweep-none").toString());

        assertThat(sweep.exitCode()).isEqualTo(2);
        assertThat(sweep.err()).contains("--spec-dir " + empty + ": no model spec (*.json with \"format\": "
                + "\"glami-bench-model-spec/1\") in it");
    }

    /** A dataset without images whose classes are the exported text fixture's (6, 132, 2811, 86531). */
    private static Path textDataset(Path dir) throws IOException {
        int[] categories = {6, 132, 2811, 86531};
        String[] geos = {"cz", "sk", "ro", "gr"};
        Path dataset = Files.createDirectories(dir.resolve("GLAMI-1M-dataset"));
        for (String split : List.of("train", "test")) {
            StringBuilder csv = new StringBuilder(String.join(",", GlamiRow.COLUMNS)).append('\n');
            for (int i = 0; i < 40; i++) {
                long id = (split.equals("train") ? 1L : 1001L) + i;
                int category = categories[i % categories.length];
                csv.append(id).append(',').append(id).append(',').append(geos[i % geos.length]).append(",item ")
                        .append(id).append(" shoe ").append(i % 7).append(",a description,").append(category)
                        .append(",category-").append(category).append(",admin\n");
            }
            Files.writeString(dataset.resolve("GLAMI-1M-" + split + ".csv"), csv, StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static Path eval(List<String> request, String runId) {
        evalRun(request, runId).succeeded();
        return root.resolve("runs").resolve(runId);
    }

    private static SparkRuns.Run evalRun(List<String> request, String runId) {
        List<String> args = new ArrayList<>(List.of("eval", "--data", data.toString(), "--out",
                root.resolve("runs").toString(), "--run-id", runId, "--threads", "2"));
        args.addAll(request);
        return SparkRuns.run(args.toArray(String[]::new));
    }

    /**
     * A copy of a finished run as a run interrupted after its first {@code kept} items: no run.json,
     * and predictions.csv.part holding its header and first rows.
     */
    private static Path interrupted(Path finished, String runId, int kept) throws IOException {
        Path copy = Files.createDirectories(root.resolve("runs").resolve(runId));
        for (String file : List.of("classes.json", "request.json")) {
            Files.copy(finished.resolve(file), copy.resolve(file));
        }
        List<String> lines = Files.readAllLines(finished.resolve("predictions.csv"), StandardCharsets.UTF_8);
        Files.write(copy.resolve("predictions.csv.part"), lines.subList(0, kept + 1), StandardCharsets.UTF_8);
        return copy;
    }
}
