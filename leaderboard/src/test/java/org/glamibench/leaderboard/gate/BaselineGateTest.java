package org.glamibench.leaderboard.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.glamibench.leaderboard.Cli;
import org.glamibench.leaderboard.SuiteWork;
import org.glamibench.leaderboard.TopOneOutcomes;
import org.glamibench.store.StoredPredictions;
import org.junit.jupiter.api.Test;

/**
 * The regression gate of {@code mvn verify}: every reference model of the committed suite
 * ({@code results/baselines}) is evaluated afresh, with its fixed seed, on the suite's sample and
 * gated against its committed run. A change that moves a baseline on purpose regenerates them with
 * {@code glami-bench gate --suite results/baselines --update}.
 */
class BaselineGateTest {

    @Test
    void theReferenceModelsDoNotRegressAgainstTheirCommittedRuns() {
        Cli gate = SuiteWork.gate();
        System.out.println(gate.out());

        assertThat(gate.exitCode()).as("the gate failed; if the change is meant to move the baselines, regenerate them "
                + "with ./glami-bench gate --suite results/baselines --update:%n%s%s", gate.out(), gate.err()).isZero();
        assertThat(gate.out()).contains("gate: run prior against baseline prior", "gate: run random against baseline random");
    }

    @Test
    void topOneDoesNotDependOnTheBatchSize() throws Exception {
        BaselineSuite suite = BaselineSuite.read(SuiteWork.suiteFolder());
        for (BaselineSuite.Model model : suite.models()) {
            Path batch32 = SuiteWork.run(model.id());
            Path batch1 = suite.evaluate(model, SuiteWork.sample(), 1, SuiteWork.WORK.resolve("probe-batch-1"));
            TopOneOutcomes one = TopOneOutcomes.of(StoredPredictions.read(batch1));
            TopOneOutcomes thirtyTwo = TopOneOutcomes.of(StoredPredictions.read(batch32));

            long changed = one.changedTop1(thirtyTwo);
            System.out.printf(Locale.ROOT, "determinism probe: %s: top-1 changed on %d of %d items (%.4f) between batch 1 "
                    + "and batch %d%n", model.id(), changed, one.size(), (double) changed / one.size(), BaselineSuite.BATCH);
            assertThat(changed).as("items of %s whose top-1 changes between batch 1 and %d", model.id(), BaselineSuite.BATCH)
                    .isZero();
        }
    }
}
