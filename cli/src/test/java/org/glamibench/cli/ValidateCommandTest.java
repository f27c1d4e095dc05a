package org.glamibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glamibench.testing.AdapterJars;
import org.glamibench.cli.CommandRun;
import org.glamibench.dataset.GlamiRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.glamibench.eval.TestDataset;

/**
 * {@code glami-bench validate} on adapters that break one check each (in process where the check
 * does not depend on the child JVM, to keep the tests quick): the checklist names the failed check
 * and what was found, and the exit code is 1; bad usage exits 2.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ValidateCommandTest {
    private static final List<GlamiRow> ITEMS = hostileItems();

    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path out;

    @BeforeAll
    static void writeData() {
        data = TestDataset.write(shared, ITEMS);
    }

    private static List<GlamiRow> hostileItems() {
        List<GlamiRow> items = new ArrayList<>(TestDataset.items(6));
        items.set(2, TestDataset.breaking(items.get(2), "hostile"));
        return items;
    }

    private CommandRun validate(String... args) {
        List<String> command = new ArrayList<>(List.of("validate", "--data", data.toString(), "--cache",
                out.resolve("cache").toString()));
        command.addAll(List.of(args));
        return CommandRun.of(command.toArray(String[]::new));
    }

    /** A checklist line as validate prints it. */
    private static String line(boolean passed, String subject, String detail) {
        return String.format("  %-4s %-40s %s%n", passed ? "ok" : "FAIL", subject, detail);
    }

    @Test
    void anAdapterThatLooksAnswersUpByPositionFailsTheOrderCheck() {
        CommandRun run = validate("--in-process", "--adapter-jar", AdapterJars.hostile().toString(), "--adapter",
                "hostile-by-position");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains(
                line(true, "hostile-by-position: output contract", "6 score vectors of 7 finite scores, probabilities in "
                        + "[0, 1] summing to 1 within 0.001"),
                line(true, "hostile-by-position: same input twice", "the same batch again gave the same scores (largest "
                        + "difference 0.0)"),
                line(false, "hostile-by-position: order and duplicates", "an item got other scores when it moved in the "
                        + "batch or came twice (are answers looked up by position?): item 6, class 0: 0.083333336 in the "
                        + "first batch, 0.5 at position 1"),
                line(true, "hostile-by-position: close", "closed"),
                String.format("  %-4s %-40s %s%n", "warn", "hostile-by-position: unknown options", "accepted the made-up "
                        + "option glami-bench-probe-unknown=1: an adapter should refuse option keys it does not know (an "
                        + "IllegalArgumentException naming the key), so that a misspelt option is not ignored"))
                .endsWith("1 of 10 checks failed, 1 warning\n");
    }

    @Test
    void anAdapterWhoseScoresDriftFailsTheSameInputCheck() {
        CommandRun run = validate("--in-process", "--adapter-jar", AdapterJars.hostile().toString(), "--adapter",
                "hostile-drift");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(line(false, "hostile-drift: same input twice", "the same batch gave other scores "
                + "the second time: item 1, class 0: 0.49 in the first batch, 0.48 at position 1"));
    }

    @Test
    void aNanFailsTheOutputContractAndTheAdapterIsStillClosed() throws Exception {
        CommandRun run = validate("--in-process", "--adapter-jar", AdapterJars.hostile().toString(), "--adapter",
                "hostile-nan", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(report.get("isolation").asText()).isEqualTo("in-process");
        assertThat(report.get("jar").asText()).isEqualTo(AdapterJars.hostile().toString());
        assertThat(report.get("jar_sha256").asText()).hasSize(64);
        List<String> lines = new ArrayList<>();
        report.get("checks").forEach(check -> lines.add(check.get("name").asText() + " " + check.get("passed").asBoolean()
                + " " + check.get("detail").asText()));
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).startsWith("open true opened in ");
        assertThat(lines).containsExactly("jar true 1 adapter: hostile-nan; names free; run in process", lines.get(1),
                "descriptor true hostile-nan 1, TEXT, PROBABILITIES, licence not stated, parameter count not stated; the "
                        + "same before and after open",
                "prepare true 6 items of the test split prepared",
                "output contract false item 3 of 6: score 0 is NaN",
                "close true closed",
                "unknown options true accepted the made-up option glami-bench-probe-unknown=1: an adapter should refuse "
                        + "option keys it does not know (an IllegalArgumentException naming the key), so that a misspelt "
                        + "option is not ignored");
        assertThat(report.get("checks").get(6).get("warning").asBoolean()).isTrue();
        assertThat(report.get("checks").get(5).get("warning").asBoolean()).isFalse();
    }

    @Test
    void aChildThatHangsPastTheBudgetIsEndedAndFails() {
        CommandRun run = validate("--adapter-jar", AdapterJars.hostile().toString(), "--adapter", "hostile-hang",
                "--batch-budget", "1");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains(line(false, "hostile-hang: output contract", "its JVM gave no answer within 1 s "
                + "while scoring a batch of 6 items, and was ended"), line(true, "hostile-hang: close", "closed"));
    }

    @Test
    void aJarWithoutAdaptersOrWithATakenNameFailsTheJarCheck() {
        CommandRun none = validate("--in-process", "--adapter-jar", AdapterJars.withoutAdapter().toString());
        CommandRun impostor = validate("--in-process", "--adapter-jar", AdapterJars.impostor().toString());

        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.out()).isEqualTo("validating " + AdapterJars.withoutAdapter() + "\n" + line(false, "jar",
                AdapterJars.withoutAdapter() + ": no adapter found (the jar needs META-INF/services/"
                        + "org.glamibench.adapter.ModelAdapter naming its adapter classes)") + "1 of 1 checks failed\n");
        assertThat(impostor.exitCode()).isEqualTo(1);
        assertThat(impostor.out()).contains("FAIL jar", AdapterJars.impostor() + ": adapter name 'prior' is already "
                + "taken by a built-in adapter\n");
    }

    @Test
    void badUsageExitsTwo() {
        CommandRun missing = validate("--adapter-jar", out.resolve("absent.jar").toString());
        CommandRun both = validate("--adapter-jar", AdapterJars.hostile().toString(), "--in-process", "--sandbox");
        CommandRun builtIn = validate("--in-process", "--adapter-jar", AdapterJars.hostile().toString(), "--adapter",
                "prior");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("error: " + out.resolve("absent.jar") + ": no such adapter jar\n");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("error: --in-process and --sandbox exclude each other\n");
        assertThat(builtIn.exitCode()).isEqualTo(2);
        assertThat(builtIn.err()).isEqualTo("error: prior is a built-in adapter, not one of " + AdapterJars.hostile() + "\n");
    }
}
