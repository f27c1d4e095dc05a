package org.glamibench.leaderboard.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.Geo;
import org.glamibench.leaderboard.Cli;
import org.glamibench.leaderboard.ForgedRun;
import org.glamibench.leaderboard.SuiteWork;
import org.glamibench.stats.Holm;
import org.glamibench.stats.McNemarTest;
import org.glamibench.store.StoredPredictions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glami-bench gate --baseline --run} on runs forged from the suite's sample. */
class RegressionGateTest {
    @TempDir
    static Path runs;
    static ClassIndex classes;
    static Path good;

    /** A model right on nine items in ten (wrong where item_id % 10 == 0). */
    @BeforeAll
    static void forgeAGoodModel() throws IOException {
        Path prior = SuiteWork.run("prior");
        classes = StoredPredictions.read(prior).classIndex();
        good = ForgedRun.write(prior, runs, "good", row -> ForgedRun.predicting(row,
                row.itemId() % 10 == 0 ? ForgedRun.other(row.category(), classes) : row.category(), classes));
    }

    @Test
    void passesAnEqualRunPrintingTheDeltas() throws IOException {
        Path same = ForgedRun.write(good, runs, "same", row -> row);

        Cli gate = Cli.run("gate", "--baseline", good.toString(), "--run", same.toString());

        assertThat(gate.exitCode()).as(gate.err()).isZero();
        assertThat(gate.out()).contains("gate: run same against baseline good", "\nall ", "\ncz ", "+0.0000",
                "top-1 changed on 0 of 600 items", "passed:");
        assertThat(gate.err()).isEmpty();
    }

    @Test
    void failsARunMadeWorseInOneGeoNamingTheMetricAndTheGeo() throws IOException {
        Path degraded = ForgedRun.write(good, runs, "degraded-cz", row -> row.geo() == Geo.CZ
                ? ForgedRun.predicting(row, ForgedRun.other(row.category(), classes), classes) : row);

        Cli gate = Cli.run("gate", "--baseline", good.toString(), "--run", degraded.toString());

        assertThat(gate.exitCode()).isEqualTo(1);
        assertThat(gate.err()).contains("regression: top-1 in geo cz fell from ").contains("(Holm-corrected across geos)");
        assertThat(gate.err()).doesNotContain("in geo sk");
        assertThat(gate.out()).containsPattern("\\ncz +60 +0\\.\\d{4} +0\\.0000 .* REGRESSION\\n");
    }

    @Test
    void theFallMustBeLargerThanTheAllowedDropAndSignificant() throws Exception {
        // Three items of cz turn wrong: top-1 falls by 3/600 = 0.005 overall (not more than the
        // allowed drop) and by 3/60 in cz, where three discordant items are far from significant.
        long[] turned = {0};
        Path slightlyWorse = ForgedRun.write(good, runs, "slightly-worse", row -> {
            if (row.geo() == Geo.CZ && row.itemId() % 10 != 0 && turned[0] < 3) {
                turned[0]++;
                return ForgedRun.predicting(row, ForgedRun.other(row.category(), classes), classes);
            }
            return row;
        });

        RegressionGate.Verdict verdict = RegressionGate.check(good, slightlyWorse, 0.005, 0.05, 1);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.overall().baselineOnly()).isEqualTo(3);
        assertThat(verdict.overall().delta()).isEqualTo(-3 / 600.0);
        assertThat(verdict.overall().pValue()).isEqualTo(McNemarTest.aWorse(0, 3));
        RegressionGate.Scope cz = verdict.geos().stream().filter(s -> s.scope().equals("cz")).findFirst().orElseThrow();
        assertThat(cz.delta()).isEqualTo(-3 / 60.0);
        assertThat(cz.pValue()).isEqualTo(McNemarTest.aWorse(0, 3)).isCloseTo(0.125, org.assertj.core.api.Assertions.within(1e-12));
        // Holm across the 13 geos: the only p-value below 1 is multiplied by 13.
        double[] raw = verdict.geos().stream().mapToDouble(RegressionGate.Scope::pValue).toArray();
        assertThat(cz.pValueAdjusted()).isEqualTo(Holm.adjust(raw)[verdict.geos().indexOf(cz)]).isEqualTo(1.0);

        RegressionGate.Verdict strict = RegressionGate.check(good, slightlyWorse, 0.001, 0.2, 1);
        assertThat(strict.regressions()).extracting(RegressionGate.Scope::scope).containsExactly("all");
    }

    @Test
    void refusesRunsOnAnotherTestSetWithExitTwo() throws IOException {
        Path other = Files.createDirectories(runs.resolve("other-sample"));
        Cli sample = Cli.run("sample", "--out", other.toString(), "--train", "300", "--test", "60", "--seed", "3",
                "--no-images");
        assertThat(sample.exitCode()).as(sample.err()).isZero();
        Cli eval = Cli.run("eval", "--data", other.toString(), "--adapter", "prior", "--out", runs.resolve("other-runs")
                .toString(), "--run-id", "prior", "--threads", "1", "--cache", runs.resolve("cache").toString());
        assertThat(eval.exitCode()).as(eval.err()).isZero();

        Cli gate = Cli.run("gate", "--baseline", good.toString(), "--run", runs.resolve("other-runs/prior").toString());

        assertThat(gate.exitCode()).isEqualTo(2);
        assertThat(gate.err()).startsWith("error: runs on different test sets are not comparable");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(Cli.run("gate", "--run", good.toString()).exitCode()).isEqualTo(2);
        assertThat(Cli.run("gate", "--baseline", good.toString(), "--run", good.toString(), "--update").err())
                .contains("--update needs --suite");
        assertThat(Cli.run("gate", "--baseline", good.toString(), "--run", good.toString(), "--max-drop", "2").exitCode())
                .isEqualTo(2);
    }
}
