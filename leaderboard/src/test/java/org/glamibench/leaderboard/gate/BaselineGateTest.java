package org.glamibench.leaderboard.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.glamibench.leaderboard.Cli;
import org.glamibench.leaderboard.SuiteWork;
import org.junit.jupiter.api.Test;

/**
 * The regression gate of {@code mvn verify}: every reference model of the committed suite
 * ({@code results/baselines}) is trained (image, text, embracenet) and evaluated afresh, with its
 * fixed seed, on the suite's sample and gated against its committed run. A change that moves a
 * baseline on purpose regenerates them with {@code glami-bench gate --suite results/baselines --update}.
 */
class BaselineGateTest {

    @Test
    void theReferenceModelsDoNotRegressAgainstTheirCommittedRuns() {
        Cli gate = SuiteWork.gate();
        System.out.println(gate.out());

        assertThat(gate.exitCode()).as("the gate failed; if the change is meant to move the baselines, regenerate them "
                + "with ./glami-bench gate --suite results/baselines --update:%n%s%s", gate.out(), gate.err()).isZero();
        assertThat(gate.out()).contains("gate: training image, text, embracenet on the sample into ",
                "gate: run prior against baseline prior", "gate: run random against baseline random",
                "gate: run image against baseline image", "gate: run text against baseline text",
                "gate: run embracenet against baseline embracenet");
    }

    /**
     * Settings that must not change a prediction pass {@code --exact} against the gate's fresh runs
     * (batch {@value BaselineSuite#BATCH}, input threads as many as cores): batch 1 with two
     * threads, and one thread at batch {@value BaselineSuite#BATCH}.
     */
    @Test
    void batchSizeAndInputThreadsChangeNoPrediction() throws Exception {
        BaselineSuite suite = BaselineSuite.read(SuiteWork.suiteFolder());
        for (BaselineSuite.Model model : suite.models()) {
            Path reference = SuiteWork.run(model.id());
            Path batch1 = suite.evaluate(model, SuiteWork.sample(), SuiteWork.models(), 1, 2,
                    SuiteWork.WORK.resolve("probe-batch-1"));
            Path thread1 = suite.evaluate(model, SuiteWork.sample(), SuiteWork.models(), BaselineSuite.BATCH, 1,
                    SuiteWork.WORK.resolve("probe-threads-1"));

            for (Path probe : new Path[] {batch1, thread1}) {
                Cli exact = Cli.run("gate", "--exact", "--baseline", reference.toString(), "--run", probe.toString());
                assertThat(exact.exitCode()).as("%s of %s:%n%s%s", probe.getParent().getFileName(), model.id(),
                        exact.out(), exact.err()).isZero();
                assertThat(exact.out()).contains("passed: pred_1..pred_5 and status unchanged on all 600 items");
            }
        }
    }
}
