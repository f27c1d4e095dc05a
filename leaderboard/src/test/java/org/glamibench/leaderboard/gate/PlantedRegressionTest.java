package org.glamibench.leaderboard.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.glamibench.harness.Evaluation;
import org.glamibench.leaderboard.Cli;
import org.glamibench.leaderboard.SuiteWork;
import org.glamibench.progress.ProgressOutput;
import org.glamibench.registry.AdapterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regressions planted in each trained reference model ({@link PlantedAdapter}), evaluated on the
 * suite's sample with the models the gate trained there, exactly as the suite evaluates them: the
 * gate fails each against its committed run, naming the model, the metric and where it fell
 * (overall for image and text, whose falls are too small to be significant in a geo of about 46
 * items; overall and 12 of the 13 geos for embracenet), and each lowers top-1 by more than the
 * gate's default {@code --max-drop}.
 */
class PlantedRegressionTest {
    @TempDir
    static Path runs;

    @Test
    void imageFedUpsideDown() throws Exception {
        Cli gate = plantedAndGated("image", PlantedAdapter.imageUpsideDown());

        assertThat(gate.err()).startsWith("regression: top-1 overall fell from 0.1933 to 0.1617 (-0.0317, more than the "
                + "allowed 0.0050)");
    }

    @Test
    void textHashedWithoutLowerCasing() throws Exception {
        Cli gate = plantedAndGated("text", PlantedAdapter.textCaseKept());

        assertThat(gate.err()).startsWith("regression: top-1 overall fell from 0.1733 to 0.1567 (-0.0167, more than the "
                + "allowed 0.0050)");
    }

    @Test
    void embracenetWithItsImageBranchBlanked() throws Exception {
        Cli gate = plantedAndGated("embracenet", PlantedAdapter.embracenetImageBlanked());

        assertThat(gate.err()).startsWith("regression: top-1 overall fell from 0.4350 to 0.0117 (-0.4233, more than the "
                + "allowed 0.0050)").contains("regression: top-1 in geo lt fell from 0.5761 to 0.0000 (-0.5761, more than "
                + "the allowed 0.0050); one-sided McNemar p = 1.44e-15 (Holm-corrected across geos)");
        assertThat(gate.err().lines().filter(line -> line.startsWith("regression: top-1 in geo "))).hasSize(12);
    }

    /** Evaluates the planted model as the suite's line of that model does and gates it against the committed run. */
    private static Cli plantedAndGated(String model, AdapterRegistry.Entry planted) throws Exception {
        StringWriter progress = new StringWriter();
        Evaluation.builder(planted).data(SuiteWork.sample()).out(runs).runId(model).batch(BaselineSuite.BATCH).seed(7)
                .adapterOption("model", SuiteWork.models().resolve(model).toString()).cache(runs.resolve("cache"))
                .force(true).build().run(new ProgressOutput(new PrintWriter(progress, true), false));
        Path baseline = SuiteWork.suiteFolder().resolve(model);

        Cli gate = Cli.run("gate", "--baseline", baseline.toString(), "--run", runs.resolve(model).toString());
        System.out.printf(Locale.ROOT, "planted regression in %s:%n%s%s%n", model, gate.out(), gate.err());

        assertThat(gate.exitCode()).as("%s%s", gate.out(), gate.err()).isEqualTo(1);
        assertThat(gate.out()).startsWith("gate: run " + model + " against baseline " + model + ": ");
        RegressionGate.Verdict verdict = RegressionGate.check(baseline, runs.resolve(model), RegressionGate.DEFAULT_MAX_DROP,
                RegressionGate.DEFAULT_ALPHA, 1);
        assertThat(-verdict.overall().delta()).isGreaterThan(RegressionGate.DEFAULT_MAX_DROP);
        return gate;
    }
}
