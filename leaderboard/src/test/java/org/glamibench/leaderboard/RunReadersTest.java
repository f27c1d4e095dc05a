package org.glamibench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers of run folders ({@code report}, {@code compare}, {@code gate}, {@code leaderboard}) on a junk run.json and on a run of 0 items. */
class RunReadersTest {
    @TempDir
    static Path dir;
    static Path good;
    static Path empty;

    @BeforeAll
    static void makeRuns() throws IOException {
        good = ResultsFolderTest.copy(SuiteWork.run("prior"), dir.resolve("runs/prior"));
        empty = ForgedRun.empty(SuiteWork.run("prior"), dir.resolve("runs"), "empty");
    }

    @Test
    void aRunJsonThatIsNotJsonIsBadInputNamingTheFileAndLine() throws IOException {
        Path junk = ResultsFolderTest.copy(good, dir.resolve("junk-text"));
        Files.writeString(junk.resolve("run.json"), "{\n  \"run_id\": \"prior\",\n  oops\n}\n", StandardCharsets.UTF_8);
        String expected = "error: " + junk.resolve("run.json") + ": not JSON (malformed at line 3, column 3)\n";

        Cli gate = Cli.run("gate", "--baseline", good.toString(), "--run", junk.toString());
        assertThat(gate.exitCode()).isEqualTo(2);
        assertThat(gate.err()).isEqualTo(expected);
        Cli report = Cli.run("report", junk.toString());
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).isEqualTo(expected);
        Cli compare = Cli.run("compare", good.toString(), junk.toString());
        assertThat(compare.exitCode()).isEqualTo(2);
        assertThat(compare.err()).isEqualTo(expected);
    }

    @Test
    void aRunJsonMissingAKeyIsBadInputNamingTheFileAndKey() throws IOException {
        Path junk = ResultsFolderTest.copy(good, dir.resolve("junk-key"));
        String json = Files.readString(junk.resolve("run.json"), StandardCharsets.UTF_8);
        Files.writeString(junk.resolve("run.json"), json.replace("\"manifest_sha256\"", "\"manifest\""), StandardCharsets.UTF_8);

        Cli gate = Cli.run("gate", "--baseline", junk.toString(), "--run", good.toString());
        assertThat(gate.exitCode()).isEqualTo(2);
        assertThat(gate.err()).isEqualTo("error: " + junk.resolve("run.json") + ": dataset.manifest_sha256 is missing\n");
        Cli report = Cli.run("report", junk.toString());
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).isEqualTo("error: " + junk.resolve("run.json") + ": dataset.manifest_sha256 is missing\n");
    }

    @Test
    void aRunJsonWithAValueOfTheWrongTypeIsBadInputNamingTheKey() throws IOException {
        Path junk = ResultsFolderTest.copy(good, dir.resolve("junk-type"));
        String json = Files.readString(junk.resolve("run.json"), StandardCharsets.UTF_8);
        Files.writeString(junk.resolve("run.json"), json.replaceFirst("\"scored_rows\" : \\d+", "\"scored_rows\" : \"many\""),
                StandardCharsets.UTF_8);

        Cli compare = Cli.run("compare", junk.toString(), good.toString());

        assertThat(compare.exitCode()).isEqualTo(2);
        assertThat(compare.err()).isEqualTo("error: " + junk.resolve("run.json")
                + ": key dataset.scored_rows has a value of the wrong type (expected int)\n");
    }

    @Test
    void aRunOfNoItemsCannotBeGatedOrCompared() {
        String expected = "error: " + empty + ": a run of 0 scored items: there is nothing to compare\n";

        Cli gate = Cli.run("gate", "--baseline", good.toString(), "--run", empty.toString());
        assertThat(gate.exitCode()).isEqualTo(2);
        assertThat(gate.err()).isEqualTo(expected);
        Cli compare = Cli.run("compare", empty.toString(), good.toString());
        assertThat(compare.exitCode()).isEqualTo(2);
        assertThat(compare.err()).isEqualTo(expected);
    }

    @Test
    void aRunOfNoItemsIsReportedAsSuch() {
        Cli report = Cli.run("report", empty.toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("0 of 600 items scored").contains("no items were scored: every metric is undefined");
    }

    @Test
    void aRunOfNoItemsIsListedAsUnrankable(@TempDir Path out) throws IOException {
        Cli leaderboard = Cli.run("leaderboard", "--results", dir.toString(), "--out", out.toString());

        assertThat(leaderboard.exitCode()).as(leaderboard.err()).isZero();
        assertThat(leaderboard.out()).contains("rejected empty: no scored items (dataset.scored_rows is 0): nothing to rank\n");
    }

    @Test
    void priorIsReportedAsReadingNoInput() {
        Cli report = Cli.run("report", good.toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("\nadapter prior 1 (NONE, PROBABILITIES); device cpu\n");
    }
}
